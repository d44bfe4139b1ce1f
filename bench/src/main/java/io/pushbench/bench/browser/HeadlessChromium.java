package io.pushbench.bench.browser;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a page in Debian's headless Chromium ({@code /usr/bin/chromium}, or {@code PUSHBENCH_CHROMIUM}) through
 * {@code bench/browser/run-page.js} (playwright-core, installed by {@code npm ci --prefix bench/browser}) and returns
 * what the page reports: the JSON of its {@code window.pushbenchResult}. Each call is a fresh browser with a fresh
 * profile.
 *
 * <p>Typical use: {@code String json = HeadlessChromium.find().runPage("http://127.0.0.1:8080/page/cors.html", Duration.ofSeconds(20));}
 */
public final class HeadlessChromium {

    private static final int EXIT_NO_BROWSER = 3;
    private static final int EXIT_NO_RESULT = 4;

    private final Path script;

    private HeadlessChromium(Path script) {
        this.script = script;
    }

    /**
     * Finds {@code bench/browser} (beside this jar's or classes' folder, or under the working directory) and checks
     * that Node.js, its packages and Chromium are there.
     *
     * @throws BrowserUnavailableException naming what is missing and how to install it
     */
    public static HeadlessChromium find() throws BrowserUnavailableException {
        Path folder = browserFolder();
        if (folder == null) {
            throw new BrowserUnavailableException("bench/browser (the Chromium driver) was not found beside the jar or "
                    + "under the working directory; run pushbench from the repository");
        }
        if (!Files.isDirectory(folder.resolve("node_modules").resolve("playwright-core"))) {
            throw new BrowserUnavailableException(folder + "/node_modules is missing: run npm ci --prefix " + folder
                    + " (or .ci/install-deps)");
        }
        String chromium = System.getenv().getOrDefault("PUSHBENCH_CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            throw new BrowserUnavailableException("no Chromium at " + chromium + ": install Debian's chromium package "
                    + "(apt-get install chromium) or set PUSHBENCH_CHROMIUM");
        }
        if (which("node") == null) {
            throw new BrowserUnavailableException("Node.js (node) is not installed: it drives Chromium (apt-get install nodejs)");
        }
        return new HeadlessChromium(folder.resolve("run-page.js"));
    }

    private static Path browserFolder() {
        List<Path> candidates = new ArrayList<>();
        try {
            Path code = Path.of(HeadlessChromium.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // bench/target/pushbench.jar or bench/target/classes -> bench/browser
            candidates.add(code.getParent().getParent().resolve("browser"));
        } catch (URISyntaxException | RuntimeException e) {
            // no code source: only the working directory is tried
        }
        candidates.add(Path.of("bench", "browser"));
        candidates.add(Path.of("browser"));
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve("run-page.js"))) {
                return c.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    private static Path which(String tool) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin:/bin" : path).split(":")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Opens {@code url} and waits for the page's result.
     *
     * @return the JSON of {@code window.pushbenchResult}
     * @throws BrowserUnavailableException when Chromium does not start
     * @throws IOException when the page gives no result in time (the message says what the driver printed)
     */
    public String runPage(String url, Duration timeout) throws BrowserUnavailableException, IOException {
        Path err = Files.createTempFile("pushbench-chromium", ".log");
        try {
            Process p = new ProcessBuilder("node", script.toString(), url, Long.toString(timeout.toMillis()))
                    .redirectError(err.toFile()).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toSeconds() + 30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("the Chromium driver did not end within " + (timeout.toSeconds() + 30) + " s");
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8).trim();
            if (p.exitValue() == EXIT_NO_BROWSER) {
                throw new BrowserUnavailableException(stderr.isEmpty() ? "chromium did not start" : stderr);
            }
            if (p.exitValue() != 0) {
                throw new IOException((p.exitValue() == EXIT_NO_RESULT ? "" : "driver exit " + p.exitValue() + ": ")
                        + (stderr.isEmpty() ? "no output" : stderr));
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Chromium ran", e);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
