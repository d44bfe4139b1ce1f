package io.pushbench.bench.client.external;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server that is not pushbench's (the JDK's HttpServer), speaking the framings other push servers use: polling
 * with HTTP conditional requests (one message per response, the cursor in the {@code ETag}, {@code 304} when
 * nothing is new) at {@code /poll/{topic}} and the same with {@code Last-Modified} at {@code /poll-since/{topic}}, and SSE with {@code data:}-only events at {@code /sse/{topic}}.
 * One topic's messages, published in order; the topic segment is ignored.
 */
public final class ExternalStyleHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<byte[]> messages = new CopyOnWriteArrayList<>();
    final AtomicLong pollRequests = new AtomicLong();
    final AtomicLong notModified = new AtomicLong();
    /** The client addresses (IP only) that sent polling requests. */
    public final java.util.Set<String> clientAddresses = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    public ExternalStyleHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.createContext("/poll/", this::poll);
        server.createContext("/poll-since/", this::pollSince);
        server.createContext("/sse/", this::sse);
        server.setExecutor(threads);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    void publish(byte[] payload) {
        messages.add(payload);
    }

    private void poll(HttpExchange exchange) throws IOException {
        pollRequests.incrementAndGet();
        clientAddresses.add(exchange.getRemoteAddress().getAddress().getHostAddress());
        String validator = exchange.getRequestHeaders().getFirst("If-None-Match");
        int have = validator == null ? 0 : Integer.parseInt(validator.replace("\"", ""));
        if (have >= messages.size()) {
            notModified.incrementAndGet();
            exchange.getResponseHeaders().set("ETag", "\"" + have + "\"");
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        byte[] body = messages.get(have);
        exchange.getResponseHeaders().set("ETag", "\"" + (have + 1) + "\"");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Like {@code /poll/}, with the cursor in {@code Last-Modified}: message n was "modified" n seconds after 1970. */
    private void pollSince(HttpExchange exchange) throws IOException {
        pollRequests.incrementAndGet();
        String since = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        int have = since == null ? 0 : (int) ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
        int size = messages.size(); // read once: a publish in between must not pair message n+1 with validator n
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.ofEpochSecond(Math.min(have + 1, size)).atZone(ZoneOffset.UTC));
        exchange.getResponseHeaders().set("Last-Modified", lastModified);
        if (have >= size) {
            notModified.incrementAndGet();
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        byte[] body = messages.get(have);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void sse(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0); // chunked, never ends
        OutputStream out = exchange.getResponseBody();
        int sent = 0;
        try {
            while (!stopped) {
                if (sent < messages.size()) {
                    out.write(("data: " + new String(messages.get(sent++), StandardCharsets.US_ASCII) + "\n\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } else {
                    Thread.sleep(5);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        stopped = true;
        server.stop(0);
        threads.shutdownNow();
    }
}
