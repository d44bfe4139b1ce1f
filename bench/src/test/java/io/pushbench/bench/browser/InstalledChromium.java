package io.pushbench.bench.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The browser tests' Chromium: found, or the test is skipped saying what is missing (.ci/install-deps installs it). */
final class InstalledChromium {

    private InstalledChromium() {
    }

    static HeadlessChromium orSkip() {
        try {
            return HeadlessChromium.find();
        } catch (BrowserUnavailableException e) {
            assumeTrue(false, "headless Chromium is not installed (.ci/install-deps installs it): " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }
}
