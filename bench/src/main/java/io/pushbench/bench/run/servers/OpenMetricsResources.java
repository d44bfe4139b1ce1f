package io.pushbench.bench.run.servers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * CPU time and resident memory of a server on any host, from its Prometheus text or OpenMetrics endpoint: the
 * standard process metrics {@code process_cpu_seconds_total} and {@code process_resident_memory_bytes} (exported by
 * the Prometheus client libraries of Java, Go, Node.js, Python, and by exporters beside nginx and others).
 */
public final class OpenMetricsResources implements ServerResources {

    static final String CPU = "process_cpu_seconds_total";
    static final String RSS = "process_resident_memory_bytes";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI uri;
    /** HTTP/1.1 only: the JDK's default h2c upgrade request is a WebSocket-style upgrade to some servers (404). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
            .build();

    private OpenMetricsResources(URI uri) {
        this.uri = uri;
    }

    /**
     * Checks the endpoint once.
     *
     * @throws IllegalArgumentException naming the URL and what it answered, when it does not serve both metrics
     */
    public static OpenMetricsResources of(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--server-metrics-url " + url + ": not a URL", e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--server-metrics-url " + url + ": expected an http:// or https:// URL");
        }
        OpenMetricsResources r = new OpenMetricsResources(uri);
        try {
            r.read();
        } catch (IOException e) {
            throw new IllegalArgumentException("--server-metrics-url " + url + ": " + e.getMessage(), e);
        }
        return r;
    }

    /** Both values: CPU seconds and resident bytes. */
    private double[] read() throws IOException {
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Accept", "application/openmetrics-text; version=1.0.0, text/plain; version=0.0.4").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted reading " + uri, e);
        } catch (IOException e) {
            throw new IOException("cannot read it: " + e.getMessage(), e);
        }
        String type = answer.headers().firstValue("Content-Type").orElse("no Content-Type");
        Double cpu = null;
        Double rss = null;
        for (String line : answer.body().split("\n")) {
            cpu = cpu != null ? cpu : value(line, CPU);
            rss = rss != null ? rss : value(line, RSS);
        }
        if (answer.statusCode() != 200 || cpu == null || rss == null) {
            String first = answer.body().lines().findFirst().orElse("").strip();
            throw new IOException(String.format(Locale.ROOT, "not a Prometheus/OpenMetrics text with %s and %s: "
                            + "answered %d, %s, first line '%s'", CPU, RSS, answer.statusCode(), type,
                    first.length() > 80 ? first.substring(0, 80) + "..." : first));
        }
        return new double[] {cpu, rss};
    }

    /** The sample's value when {@code line} is a sample of {@code name} (labels allowed), else null. */
    static Double value(String line, String name) {
        if (!line.startsWith(name)) {
            return null;
        }
        String rest = line.substring(name.length());
        if (!rest.startsWith(" ") && !rest.startsWith("{")) {
            return null;   // another metric whose name starts alike
        }
        if (rest.startsWith("{")) {
            rest = rest.substring(rest.indexOf('}') + 1);
        }
        String[] parts = rest.trim().split("\\s+");
        try {
            return Double.parseDouble(parts[0]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public long cpuNanos() throws IOException {
        return Math.round(read()[0] * 1e9);
    }

    @Override
    public long residentBytes() throws IOException {
        return Math.round(read()[1]);
    }

    @Override
    public String cpuMethod() {
        return "openmetrics:" + CPU + " " + uri;
    }

    @Override
    public String memoryMethod() {
        return "openmetrics:" + RSS + " " + uri;
    }

    @Override
    public String memoryNote() {
        return "resident memory (" + RSS + ") of the server process, with the clients connected vs before they connected; reported in the "
                + "heap fields (direct = 0); as the server's own exporter counts it (its process, not its children)";
    }
}
