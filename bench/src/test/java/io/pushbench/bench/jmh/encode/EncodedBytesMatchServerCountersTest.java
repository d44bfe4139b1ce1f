package io.pushbench.bench.jmh.encode;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushbench.bench.jmh.MessageSource;
import io.pushbench.bench.jmh.QuickJmhRunner;
import io.pushbench.model.Strategy;
import io.pushbench.server.PushServer;
import io.pushbench.server.PushServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static io.pushbench.bench.jmh.QuickJmhRunner.result;
import static io.pushbench.bench.jmh.QuickJmhRunner.secondary;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encoding benchmark's bytes/op for one 64-byte message equal what the real server counts at its
 * socket when it delivers such a message to a real, independent client (the JDK's HttpClient and
 * WebSocket), for every strategy.
 */
class EncodedBytesMatchServerCountersTest {
    private static final String TOPIC = "exact";
    private static final long TIMEOUT_SEC = 30;

    @TempDir
    static Path dir;
    private static List<JsonNode> jmh;
    private static PushServer server;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final MessageSource MESSAGES = new MessageSource(64);

    @BeforeAll
    static void runBenchmarkAndStartServer() throws Exception {
        jmh = QuickJmhRunner.run(dir, "ServerEncodingBenchmark\\.encode$", "encoding", "POLL_ANSWER,SSE_EVENT,WS_FRAME");
        server = new PushServer(PushServerConfig.builder().bindAddress("127.0.0.1").port(0).build());
        InetSocketAddress address = server.start();
        base = "127.0.0.1:" + address.getPort();
        // every seq from here on has 7 digits, like the benchmark's
        byte[] filler = new byte[0];
        while (server.log().topic(TOPIC).headSeq() < MessageSource.FIRST_SEQ - 1) {
            server.publish(TOPIC, filler);
        }
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shortPollAnswerBytesEqualTheServersCount() throws Exception {
        long after = publishNext();
        long before = bytesWritten(Strategy.SHORT_POLLING);
        HttpResponse<byte[]> answer = HTTP.send(get("/poll/" + TOPIC + "?after=" + (after - 1)), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(awaitBytesWritten(Strategy.SHORT_POLLING, before, benchmarkBytesPerOp("POLL_ANSWER"))).isEqualTo(benchmarkBytesPerOp("POLL_ANSWER"));
    }

    @Test
    void longPollAnswerBytesEqualTheServersCount() throws Exception {
        long head = server.log().topic(TOPIC).headSeq();
        long before = bytesWritten(Strategy.LONG_POLLING);
        CompletableFuture<HttpResponse<byte[]>> answer =
                HTTP.sendAsync(get("/long-poll/" + TOPIC + "?after=" + head), HttpResponse.BodyHandlers.ofByteArray());
        awaitSubscribers(1);    // the server holds the request
        publishNext();

        assertThat(answer.get(TIMEOUT_SEC, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(awaitBytesWritten(Strategy.LONG_POLLING, before, benchmarkBytesPerOp("POLL_ANSWER"))).isEqualTo(benchmarkBytesPerOp("POLL_ANSWER"));
    }

    @Test
    void sseEventBytesEqualTheServersCount() throws Exception {
        long head = server.log().topic(TOPIC).headSeq();
        HttpResponse<InputStream> stream = HTTP.send(get("/sse/" + TOPIC + "?after=" + head), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(readUntilBlankLine(lines)).singleElement().asString().startsWith("retry: ");
            long before = bytesWritten(Strategy.SSE);
            long seq = publishNext();

            assertThat(readUntilBlankLine(lines)).first().isEqualTo("id: " + seq);
            assertThat(awaitBytesWritten(Strategy.SSE, before, benchmarkBytesPerOp("SSE_EVENT"))).isEqualTo(benchmarkBytesPerOp("SSE_EVENT"));
        }
    }

    @Test
    void webSocketFrameBytesEqualTheServersCount() throws Exception {
        long head = server.log().topic(TOPIC).headSeq();
        CompletableFuture<ByteBuffer> frame = new CompletableFuture<>();
        WebSocket ws = HTTP.newWebSocketBuilder()
                .buildAsync(URI.create("ws://" + base + "/ws/" + TOPIC + "?after=" + head), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                        frame.complete(data);   // one frame of 74 bytes arrives whole
                        return null;
                    }
                })
                .get(TIMEOUT_SEC, TimeUnit.SECONDS);
        try {
            awaitSubscribers(1);
            long before = bytesWritten(Strategy.WEBSOCKET);
            publishNext();

            assertThat(frame.get(TIMEOUT_SEC, TimeUnit.SECONDS).remaining()).isEqualTo(8 + 64);
            assertThat(awaitBytesWritten(Strategy.WEBSOCKET, before, benchmarkBytesPerOp("WS_FRAME"))).isEqualTo(benchmarkBytesPerOp("WS_FRAME"));
        } finally {
            ws.abort();
        }
    }

    private static long benchmarkBytesPerOp(String encoding) {
        double perOp = secondary(result(jmh, "encode", "encoding", encoding, "payloadBytes", "64"), "wireBytesPerOp");
        assertThat(perOp).as("%s bytes/op is a whole number", encoding).isEqualTo(Math.rint(perOp));
        return (long) perOp;
    }

    private static long publishNext() {
        MESSAGES.advance();
        return server.publish(TOPIC, MESSAGES.payload());
    }

    private static long bytesWritten(Strategy strategy) {
        return server.metrics().of(strategy).bytesWritten();
    }

    /**
     * The server's bytes written since {@code before}, once they reached {@code expected} or the timeout
     * passed: the server counts a write when its completion listener runs on the event loop, which may be
     * just after the client already read the bytes.
     */
    private static long awaitBytesWritten(Strategy strategy, long before, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SEC);
        long written;
        while ((written = bytesWritten(strategy) - before) < expected && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return written;
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://" + base + path)).GET().build();
    }

    private static void awaitSubscribers(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SEC);
        while (server.log().topic(TOPIC).subscriberCount() < count) {
            assertThat(System.nanoTime()).as("subscribers in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static List<String> readUntilBlankLine(BufferedReader lines) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            List<String> read = new java.util.ArrayList<>();
            try {
                for (String line; (line = lines.readLine()) != null && !line.isEmpty(); ) {
                    read.add(line);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return read;
        }).get(TIMEOUT_SEC, TimeUnit.SECONDS);
    }
}
