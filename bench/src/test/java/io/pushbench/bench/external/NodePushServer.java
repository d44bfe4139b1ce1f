package io.pushbench.bench.external;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Node.js push server of {@code targets/node-push} (npm {@code ws}, {@code better-sse}, {@code redis},
 * {@code pg}, {@code prom-client}; see its server.js), started with {@code node} on a free loopback port.
 *
 * <pre>
 * POST /publish                 {"channel": topic, "data": payload} (answers 200 {"subscribers": n})
 * GET  /poll/{topic}?after=N    messages after the Nth, one per line; 204 when none
 * GET  /long-poll/{topic}?after=N   the same, held until a message comes
 * GET  /sse/{topic}             better-sse: chunked text/event-stream, event/id/data fields
 * GET  /ws/{topic}              ws: one TEXT frame per message
 * GET  /metrics                 prom-client: process_cpu_seconds_total, process_resident_memory_bytes, ...
 * Redis PUBLISH / PostgreSQL NOTIFY on channel prefix + topic, with the broker options.
 * </pre>
 */
public final class NodePushServer implements AutoCloseable {
    static final String FOLDER = "targets/node-push";
    private static final Pattern METRIC_LINE = Pattern.compile("^(\\w+)(\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE);

    private final ServerProcess process;
    private final int port;

    private NodePushServer(ServerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the server with its log in {@code dir}.
     *
     * @param serverOptions e.g. {@code --max-requests-per-socket=10}, {@code --redis=redis://127.0.0.1:6379}
     * @throws IllegalStateException when node or the server's npm packages are not installed, or it does not start
     */
    public static NodePushServer start(Path dir, List<String> serverOptions) throws IOException {
        Path node = Executables.find("node", List.of())
                .orElseThrow(() -> new IllegalStateException("node is not installed: install Node.js 20+ (e.g. `apt-get install "
                        + "nodejs npm`) and run `npm ci --prefix " + FOLDER + "` (or run `bash .ci/install-deps`)"));
        Path folder = folder();
        if (!Files.isDirectory(folder.resolve("node_modules/ws")) || !Files.isDirectory(folder.resolve("node_modules/better-sse"))) {
            throw new IllegalStateException("the Node server's npm packages are not installed in " + folder.resolve("node_modules")
                    + ": run `npm ci --prefix " + FOLDER + "` in the repository (or `bash .ci/install-deps`)");
        }
        int port = ServerProcess.freePort();
        List<String> command = new ArrayList<>(List.of(node.toString(), folder.resolve("server.js").toString(),
                "--port=" + port));
        command.addAll(serverOptions);
        return new NodePushServer(ServerProcess.start("node-push", command, dir, port), port);
    }

    /** The repository's {@code targets/node-push}, found from the working directory (Maven runs tests in bench/). */
    static Path folder() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(FOLDER).resolve("server.js"))) {
                return p.resolve(FOLDER);
            }
        }
        throw new IllegalStateException(FOLDER + "/server.js not found above " + Path.of("").toAbsolutePath());
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String logTail() {
        return process.logTail();
    }

    /** The sum of a metric's samples whose labels contain {@code labelText} (e.g. {@code route="publish"}) in /metrics. */
    public double metric(String name, String labelText) throws IOException, InterruptedException {
        // HTTP/1.1: the default h2c upgrade offer would reach the server's WebSocket upgrade handler (404)
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET /metrics answered " + answer.statusCode());
        }
        double sum = 0;
        Matcher m = METRIC_LINE.matcher(answer.body());
        while (m.find()) {
            if (m.group(1).equals(name) && (labelText.isEmpty() || (m.group(2) != null && m.group(2).contains(labelText)))) {
                sum += Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }

    @Override
    public void close() {
        process.close();
    }
}
