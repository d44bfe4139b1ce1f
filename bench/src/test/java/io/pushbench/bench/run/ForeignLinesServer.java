package io.pushbench.bench.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A push server that is not pushbench's (the JDK's HttpServer) and has no {@code /clock}: {@code POST /publish/{topic}}
 * appends, {@code GET /poll/{topic}?after=N} answers the payloads after the N-th as LF-terminated lines, or 204.
 * Answers of these handlers carry the JDK's {@code Date} header; the JDK's own 404 for an unknown path has none,
 * unless {@code notFoundWithDate} installs a handler of its own for every other path. A poll answers at most
 * {@code maxLinesPerAnswer} lines (0 = all): a server that can fall behind its publishers by a known rate.
 */
final class ForeignLinesServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, List<byte[]>> topics = new ConcurrentHashMap<>();
    private final int maxLinesPerAnswer;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    ForeignLinesServer(boolean notFoundWithDate) throws IOException {
        this(notFoundWithDate, 0);
    }

    ForeignLinesServer(boolean notFoundWithDate, int maxLinesPerAnswer) throws IOException {
        this.maxLinesPerAnswer = maxLinesPerAnswer;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        if (notFoundWithDate) {
            server.createContext("/", exchange -> {
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            });
        }
        server.createContext("/publish/", this::publish);
        server.createContext("/poll/", this::poll);
        server.setExecutor(threads);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void publish(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.sendResponseHeaders(200, -1);   // HEAD (a clock probe) publishes nothing
            exchange.close();
            return;
        }
        byte[] payload = exchange.getRequestBody().readAllBytes();
        topic(exchange, "/publish/").add(payload);
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private void poll(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        List<byte[]> messages = topic(exchange, "/poll/");
        String query = exchange.getRequestURI().getQuery();
        int after = query == null ? 0 : Integer.parseInt(query.substring(query.indexOf('=') + 1));
        if (after >= messages.size()) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        StringBuilder body = new StringBuilder();
        int until = maxLinesPerAnswer == 0 ? messages.size() : Math.min(messages.size(), after + maxLinesPerAnswer);
        for (int i = after; i < until; i++) {
            body.append(new String(messages.get(i), java.nio.charset.StandardCharsets.US_ASCII)).append('\n');
        }
        byte[] bytes = body.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private List<byte[]> topic(HttpExchange exchange, String prefix) {
        String name = exchange.getRequestURI().getPath().substring(prefix.length());
        return topics.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
    }

    /** Every request so far (other paths only with {@code notFoundWithDate}): method and path, e.g. {@code POST /publish/r1-t0}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** The topics published to or polled so far. */
    java.util.Set<String> topicNames() {
        return java.util.Set.copyOf(topics.keySet());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
