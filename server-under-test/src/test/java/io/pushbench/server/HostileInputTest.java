package io.pushbench.server;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.server.client.RawConnection;
import io.pushbench.server.client.RawConnection.RawResponse;
import io.pushbench.server.client.RawWebSocket;
import io.pushbench.server.client.RawWebSocket.Frame;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a hostile client tried (issue 15) gets an exact answer: slowloris and idle sockets are timed out
 * (and cannot starve the connection cap), an unfinished fragmented WebSocket message is closed, RFC 6455
 * violations get their close code, HTTP/9.9 gets 505, a 431 is read by the client that caused it; every
 * test ends with the server serving a normal client.
 */
@ExtendWith(NoBufferLeaks.class)
class HostileInputTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(400);
    private static final Duration IDLE_TIMEOUT = Duration.ofMillis(400);
    private static final int MAX_WS_BYTES = 1000;

    private PushServer server;

    private PushServer start(PushServerConfig.Builder config) {
        server = new PushServer(config.build());
        server.start();
        return server;
    }

    private PushServer startDefault() {
        return start(PushServerConfig.builder().requestReadTimeout(READ_TIMEOUT).idleTimeout(IDLE_TIMEOUT)
                .maxWsFrameBytes(MAX_WS_BYTES).wsAssemblyTimeout(Duration.ofMillis(400)));
    }

    @AfterEach
    void serverStillServes() throws Exception {
        try {
            ServerChecks.servesNormalClient(server);
            ServerChecks.noOpenConnections(server);
        } finally {
            server.close();
        }
    }

    @Test
    void slowlorisHeadIsAnswered408WithinTheRequestReadTimeout() throws Exception {
        startDefault();
        try (RawConnection c = RawConnection.open(server.address())) {
            long start = System.nanoTime();
            String head = "GET /poll/t HTTP/1.1\r\nHost: x\r\nX-Slow: ";
            for (int i = 0; i < head.length(); i++) {   // one byte per 50 ms: 2 s for the whole head
                c.send(head.substring(i, i + 1));       // still accepted: the server half-closes, then drains
                Thread.sleep(50);
            }
            RawResponse r = c.readResponse();
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.status()).isEqualTo(408);
            assertThat(tookMillis).as("read after the dribble").isGreaterThan(READ_TIMEOUT.toMillis());
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void idleSocketsAreClosedSoTheyCannotStarveTheConnectionCap() throws Exception {
        start(PushServerConfig.builder().maxConnections(5).requestReadTimeout(READ_TIMEOUT).idleTimeout(IDLE_TIMEOUT));
        List<RawConnection> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                idle.add(RawConnection.open(server.address()));     // never sends a byte
            }
            for (int i = 0; i < 2; i++) {
                RawConnection kept = RawConnection.open(server.address());   // one request, then idle
                kept.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(kept.readResponse().status()).isEqualTo(200);
                idle.add(kept);
            }
            for (RawConnection c : idle) {
                assertThat(c.closedByServer()).as("idle socket closed by the server").isTrue();
            }
            try (RawConnection c = RawConnection.open(server.address())) {
                c.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(c.readResponse().status()).as("a normal request after the idle sockets").isEqualTo(200);
            }
        } finally {
            for (RawConnection c : idle) {
                c.close();
            }
        }
    }

    @Test
    void heldLongPollAndQuietStreamsOutliveTheIdleAndReadTimeouts() throws Exception {
        start(PushServerConfig.builder().requestReadTimeout(READ_TIMEOUT).idleTimeout(IDLE_TIMEOUT)
                .longPollHold(Duration.ofSeconds(3)));
        try (RawConnection poll = RawConnection.open(server.address());
                RawConnection sse = RawConnection.open(server.address());
                RawConnection ws = RawConnection.open(server.address())) {
            poll.send("GET /long-poll/quiet?after=0 HTTP/1.1\r\nHost: x\r\n\r\n");
            sse.send("GET /sse/quiet HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(sse.readHead()).startsWith("HTTP/1.1 200");
            ws.send(RawWebSocket.upgradeRequest("/ws/quiet", "13"));
            assertThat(ws.readHead()).startsWith("HTTP/1.1 101");
            Thread.sleep(3 * IDLE_TIMEOUT.toMillis());
            server.publish("quiet", "late".getBytes(UTF_8));
            RawResponse answer = poll.readResponse();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.bodyText()).isEqualTo("1 4\nlate\n");
            assertThat(new String(sse.readUntil("late\n\n"), UTF_8)).contains("id: 1");
            Frame frame = RawWebSocket.readFrame(ws);
            assertThat(frame.opcode()).isEqualTo(0x2);
            assertThat(frame.text()).isEqualTo("1\nlate");
        }
    }

    @Test
    void fragmentedWebSocketMessageLargerThanTheLimitIsClosedWith1009() throws Exception {
        startDefault();
        try (RawConnection c = openWebSocket()) {
            c.send(RawWebSocket.clientFrame(0x02, new byte[600], true));            // binary, FIN=0
            c.send(RawWebSocket.clientFrame(0x00, new byte[600], true));            // continuation, FIN=0
            Frame close = RawWebSocket.readUntilClose(c);
            assertThat(close.closeCode()).isEqualTo(1009);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void fragmentedWebSocketMessageNeverFinishedIsClosedWith1008AfterTheAssemblyTimeout() throws Exception {
        startDefault();
        try (RawConnection c = openWebSocket()) {
            c.send(RawWebSocket.clientFrame(0x01, "part".getBytes(UTF_8), true));   // text, FIN=0, never continued
            Frame close = RawWebSocket.readUntilClose(c);
            assertThat(close.closeCode()).isEqualTo(1008);
            assertThat(close.closeReason()).contains("not finished");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void invalidSecWebSocketKeyAnswers400() throws Exception {
        startDefault();
        for (String key : new String[] {"not-base64!", "c2hvcnQ=", "dGhlIHNhbXBsZSBub25jZQ==dGhl"}) {
            try (RawConnection c = RawConnection.open(server.address())) {
                c.send(RawWebSocket.upgradeRequest("/ws/k", "13").replace("dGhlIHNhbXBsZSBub25jZQ==", key));
                RawResponse r = c.readResponse();
                assertThat(r.status()).as("key '%s'", key).isEqualTo(400);
                assertThat(r.bodyText()).contains("Sec-WebSocket-Key");
            }
        }
    }

    @Test
    void invalidUtf8InATextFrameIsClosedWith1007() throws Exception {
        startDefault();
        try (RawConnection c = openWebSocket()) {
            c.send(RawWebSocket.clientFrame(0x81, new byte[] {'o', 'k', (byte) 0xc3, (byte) 0x28}, true));
            assertThat(RawWebSocket.readUntilClose(c).closeCode()).isEqualTo(1007);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void closeCodesThatMayNotBeSentAreAnsweredWithAClose1002() throws Exception {
        startDefault();
        for (int code : new int[] {0, 999, 1004, 1005, 1006, 1016, 2999, 5000}) {
            try (RawConnection c = openWebSocket()) {
                c.send(RawWebSocket.clientFrame(0x88, RawWebSocket.closePayload(code, ""), true));
                assertThat(RawWebSocket.readUntilClose(c).closeCode()).as("close code %d", code).isEqualTo(1002);
                assertThat(c.closedByServer()).isTrue();
            }
        }
    }

    @Test
    void http99Answers505() throws Exception {
        startDefault();
        try (RawConnection c = RawConnection.open(server.address())) {
            c.send("GET /health HTTP/9.9\r\nHost: x\r\n\r\n");
            assertThat(c.readResponse().status()).isEqualTo(505);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void bearerSchemeIsCaseInsensitive() throws Exception {
        start(PushServerConfig.builder().publishToken("s3cret"));
        for (String scheme : new String[] {"bearer", "BEARER", "Bearer"}) {
            try (RawConnection c = RawConnection.open(server.address())) {
                c.send("POST /publish/b HTTP/1.1\r\nHost: x\r\nAuthorization: " + scheme + " s3cret\r\n"
                        + "Content-Length: 1\r\n\r\nx");
                assertThat(c.readResponse().status()).as("scheme '%s'", scheme).isEqualTo(200);
            }
        }
        try (RawConnection c = RawConnection.open(server.address())) {
            c.send("POST /publish/b HTTP/1.1\r\nHost: x\r\nAuthorization: Basic s3cret\r\nContent-Length: 1\r\n\r\nx");
            assertThat(c.readResponse().status()).isEqualTo(401);
        }
        server.close();
        start(PushServerConfig.builder());   // the @AfterEach normal client publishes without a token
    }

    @Test
    void aRejectedFrameLogsOneLineWithoutAStackTrace() throws Exception {
        startDefault();
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public synchronized void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            for (int i = 0; i < 5; i++) {
                try (RawConnection c = openWebSocket()) {
                    c.send(RawWebSocket.clientFrame(0xF2, new byte[] {1}, true));   // RSV1-3 set: protocol error
                    assertThat(RawWebSocket.readUntilClose(c).closeCode()).isEqualTo(1002);
                    assertThat(c.closedByServer()).isTrue();
                }
            }
            ServerChecks.noOpenConnections(server);
        } finally {
            root.removeHandler(capture);
        }
        synchronized (capture) {
            assertThat(records).as("no stack trace logged").noneMatch(r -> r.getThrown() != null);
            assertThat(records.stream().filter(r -> String.valueOf(r.getMessage()).contains("closing WebSocket")))
                    .as("one line per rejected frame").hasSize(5);
        }
    }

    @Test
    void oversizedHeaderGets431ReadByTheClientStillSending() throws Exception {
        start(PushServerConfig.builder().maxHeaderBytes(8192));
        try (RawConnection c = RawConnection.open(server.address())) {
            c.send("GET /poll/t HTTP/1.1\r\nHost: x\r\n");
            String line = "X-Filler: " + "f".repeat(1000) + "\r\n";
            for (int sent = 0; sent < 70_000; sent += line.length()) {   // 70 KB of header, a line per 5 ms
                c.send(line);        // on a connection reset instead of a graceful close this write fails
                Thread.sleep(5);
            }
            RawResponse r = c.readResponse();
            assertThat(r.status()).isEqualTo(431);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    private RawConnection openWebSocket() throws IOException {
        RawConnection c = RawConnection.open(server.address());
        c.send(RawWebSocket.upgradeRequest("/ws/h", "13"));
        assertThat(c.readHead()).startsWith("HTTP/1.1 101");
        return c;
    }
}
