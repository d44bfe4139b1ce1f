package io.pushbench.bench.browser;

/** Headless Chromium cannot be driven here (no Chromium, no Node.js, bench/browser not installed, it did not start). */
public final class BrowserUnavailableException extends Exception {

    public BrowserUnavailableException(String message) {
        super(message);
    }
}
