package io.pushbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.model.Strategy;
import io.pushbench.server.client.RawConnection;
import io.pushbench.server.client.RawWebSocket;
import io.pushbench.server.client.RawWebSocket.Frame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clients that never read while messages flow: the server's outbound buffer for them stays within the
 * configured high water mark (the log, not the socket, is the queue), and a reader blocked past the
 * slow-consumer timeout is closed with a reason.
 */
@ExtendWith(NoBufferLeaks.class)
class SlowConsumerTest {

    private static final int HIGH_WATER_MARK_BYTES = 16 * 1024;
    private static final int PAYLOAD_BYTES = 1024;
    /** Far more than loopback socket buffers hold (a few MiB), so the server must stop writing. */
    private static final int MESSAGES = 12_000;

    private PushServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void slowSseAndWebSocketReadersNeverMakeTheServerBufferPastTheHighWaterMark() throws Exception {
        server = start(Duration.ofMinutes(5));
        try (RawConnection sse = openSse("slow"); RawConnection ws = openWebSocket("slow")) {
            long maxBufferedBytes = 0;
            long totalMaxBytes = 0;
            byte[] payload = payload();
            for (int i = 0; i < MESSAGES; i++) {
                server.publish("slow", payload);
                if (i % 50 == 0) {
                    ServerMetrics m = server.metrics();
                    maxBufferedBytes = Math.max(maxBufferedBytes, m.maxConnectionOutboundBufferedBytes());
                    totalMaxBytes = Math.max(totalMaxBytes, m.outboundBufferedBytes());
                }
            }
            ServerMetrics end = ServerChecks.awaitMetrics(server,
                    m -> m.maxConnectionOutboundBufferedBytes() > HIGH_WATER_MARK_BYTES / 2,
                    "the slow readers' buffers to fill");
            maxBufferedBytes = Math.max(maxBufferedBytes, end.maxConnectionOutboundBufferedBytes());
            System.out.printf("slow readers: max outbound buffer of one connection %d bytes, both %d bytes (limit %d);"
                    + " delivered sse %d ws %d of %d%n", maxBufferedBytes, totalMaxBytes, HIGH_WATER_MARK_BYTES,
                    end.of(Strategy.SSE).messagesDelivered(), end.of(Strategy.WEBSOCKET).messagesDelivered(), MESSAGES);
            assertThat(maxBufferedBytes).as("largest outbound buffer of one connection")
                    .isPositive().isLessThanOrEqualTo(HIGH_WATER_MARK_BYTES);
            assertThat(totalMaxBytes).as("both slow connections together").isLessThanOrEqualTo(2L * HIGH_WATER_MARK_BYTES);
            assertThat(end.of(Strategy.SSE).messagesDelivered()).as("SSE push paused").isLessThan(MESSAGES);
            assertThat(end.of(Strategy.WEBSOCKET).messagesDelivered()).as("WebSocket push paused").isLessThan(MESSAGES);
            ServerChecks.servesNormalClient(server);
        }
        ServerChecks.noOpenConnections(server);
    }

    @Test
    void aReaderBlockedPastTheSlowConsumerTimeoutIsClosedWithAReason() throws Exception {
        // a grace no busy machine outruns: the reader reads again well within it (the next test passes the grace)
        server = start(Duration.ofMillis(300), Duration.ofSeconds(60));
        try (RawConnection sse = openSse("stuck"); RawConnection ws = openWebSocket("stuck")) {
            byte[] payload = payload();
            for (int i = 0; i < MESSAGES; i++) {
                server.publish("stuck", payload);
            }
            awaitNoSubscriber("stuck");
            // the WebSocket ends with close 1008 and a reason naming the resume seq, once the reader reads again
            Frame last = lastFrame(ws);
            assertThat(last.opcode()).as("last frame is a close").isEqualTo(0x8);
            assertThat(last.closeCode()).isEqualTo(1008);
            assertThat(last.closeReason()).startsWith("slow consumer").contains("resume after seq");
            // the SSE stream just ends (SSE has no close reason); the client resumes with Last-Event-ID
            assertThat(sse.readToEnd()).isNotEmpty();
            ServerChecks.noOpenConnections(server);
        }
        ServerChecks.servesNormalClient(server);
    }

    @Test
    void aWebSocketReaderStalledPastTheCloseGraceGetsItsQueuedFramesThenTheEndOfTheConnection() throws Exception {
        server = start(Duration.ofMillis(300));
        try (RawConnection ws = openWebSocket("stalled")) {
            byte[] payload = payload();
            for (int i = 0; i < MESSAGES; i++) {
                server.publish("stalled", payload);
            }
            awaitNoSubscriber("stalled");
            ServerChecks.noOpenConnections(server);    // the 5 s grace passed: the server closed the TCP connection
            int frames = 0;
            Frame last = null;
            while (true) {
                try {
                    last = RawWebSocket.readFrame(ws);
                    frames++;
                } catch (IOException end) {
                    break;
                }
            }
            System.out.printf("stalled past the grace: read %d frames after the server closed; last opcode %d%n",
                    frames, last == null ? -1 : last.opcode());
            // what the kernel already held is still delivered; the close frame queued behind it in the server's
            // own buffer went with the connection: a reader that does not read cannot be told why (docs/server.md)
            assertThat(frames).isPositive();
            assertThat(last.opcode()).as("no close frame reaches a reader that stalled past the grace").isEqualTo(0x2);
        }
        ServerChecks.servesNormalClient(server);
    }

    private void awaitNoSubscriber(String topic) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.log().topic(topic).subscriberCount() > 0) {
            assertThat(System.nanoTime()).as("slow readers given up within 20 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private PushServer start(Duration slowConsumerTimeout) {
        return start(slowConsumerTimeout, Defaults.SLOW_CONSUMER_CLOSE_GRACE);
    }

    private PushServer start(Duration slowConsumerTimeout, Duration closeGrace) {
        PushServer s = new PushServer(PushServerConfig.builder()
                .slowConsumerCloseGrace(closeGrace)
                .writeBufferLowWaterMarkBytes(HIGH_WATER_MARK_BYTES / 2)
                .writeBufferHighWaterMarkBytes(HIGH_WATER_MARK_BYTES)
                .retentionCount(MESSAGES)
                .slowConsumerTimeout(slowConsumerTimeout)
                .build());
        s.start();
        return s;
    }

    private RawConnection openSse(String topic) throws IOException {
        RawConnection c = RawConnection.open(server.address(), 4096);
        c.send("GET /sse/" + topic + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(c.readHead()).startsWith("HTTP/1.1 200");
        return c;
    }

    private RawConnection openWebSocket(String topic) throws IOException {
        RawConnection c = RawConnection.open(server.address(), 4096);
        c.send(RawWebSocket.upgradeRequest("/ws/" + topic, "13"));
        assertThat(c.readHead()).startsWith("HTTP/1.1 101");
        return c;
    }

    /** Reads frames until the server closes; returns the last one (null if none). */
    private static Frame lastFrame(RawConnection c) {
        Frame last = null;
        while (true) {
            try {
                last = RawWebSocket.readFrame(c);
            } catch (IOException endOfStream) {
                return last;
            }
        }
    }

    private static byte[] payload() {
        byte[] p = new byte[PAYLOAD_BYTES];
        Arrays.fill(p, (byte) 'p');
        return new String(p, StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII);
    }
}
