package io.pushbench.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.model.Strategy;
import io.pushbench.server.client.RawConnection;
import io.pushbench.server.client.RawWebSocket;
import io.pushbench.server.client.RawWebSocket.Frame;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server's byte counters equal, exactly, what a raw-socket client counted on its own socket, for one
 * subscription of each strategy: every byte of request line, headers, chunk framing, SSE and WebSocket
 * framing and handshake, attributed to the strategy's bucket and nowhere else. Its count of delivering writes
 * says how many messages each write carried.
 */
@ExtendWith(NoBufferLeaks.class)
class ByteCountingTest {

    private PushServer server;

    @BeforeEach
    void start() {
        server = new PushServer(PushServerConfig.builder().longPollHold(Duration.ofMillis(200)).build());
        server.start();
        server.publish("bytes", "first payload".getBytes(UTF_8));
        server.publish("bytes", "second\npayload".getBytes(UTF_8));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void serverCountsExactlyTheBytesTheClientSocketMoved(Strategy strategy) throws Exception {
        long clientWritten;
        long clientRead;
        try (RawConnection c = RawConnection.open(server.address())) {
            exchange(strategy, c);
            clientWritten = c.bytesWritten();
            clientRead = c.bytesRead();
        }
        ServerMetrics m = ServerChecks.awaitMetrics(server, x -> x.openConnections() == 0, "the connection closed");
        TrafficCounts counts = m.of(strategy);
        assertThat(counts.bytesRead()).as("server bytes read = client bytes written").isEqualTo(clientWritten);
        assertThat(counts.bytesWritten()).as("server bytes written = client bytes read").isEqualTo(clientRead);
        assertThat(counts.requests()).isEqualTo(strategy == Strategy.SHORT_POLLING || strategy == Strategy.LONG_POLLING ? 2 : 1);
        assertThat(counts.messagesDelivered()).isEqualTo(2);
        assertThat(counts.deliveryWrites()).as("the two messages waiting for the subscription went out in one write")
                .isEqualTo(1);
        for (Strategy other : Strategy.values()) {
            if (other != strategy) {
                assertThat(m.of(other).bytesRead() + m.of(other).bytesWritten()).as(other + " untouched").isZero();
            }
        }
        assertThat(m.control().bytesRead() + m.control().bytesWritten()).as("control untouched").isZero();
    }

    /**
     * The server also counts the writes that carried its deliveries ({@code deliveryWrites}), so that a report can say
     * how many messages each system call sent: what a connection is behind on goes out in one write, and a connection
     * that keeps up gets a write per message.
     */
    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"SSE", "WEBSOCKET"})
    void aBacklogGoesOutInOneWriteAndASubscriberThatKeepsUpGetsAWritePerMessage(Strategy strategy) throws Exception {
        try (RawConnection c = RawConnection.open(server.address())) {
            subscribe(strategy, c);
            awaitMessage(strategy, c, 1);
            awaitMessage(strategy, c, 2);
            TrafficCounts backlog = ServerChecks.awaitMetrics(server, m -> m.of(strategy).messagesDelivered() == 2,
                    "the backlog delivered").of(strategy);
            assertThat(backlog.deliveryWrites()).as("the two waiting messages in one write").isEqualTo(1);

            for (int seq = 3; seq <= 5; seq++) {
                server.publish("bytes", ("m" + seq).getBytes(UTF_8));
                awaitMessage(strategy, c, seq);
            }
            TrafficCounts kept = ServerChecks.awaitMetrics(server, m -> m.of(strategy).messagesDelivered() == 5,
                    "five messages delivered").of(strategy);
            assertThat(kept.deliveryWrites()).as("then one write per message, each read before the next").isEqualTo(4);
        }
    }

    /** Opens an SSE stream or a WebSocket on the test's topic, from its start. */
    private static void subscribe(Strategy strategy, RawConnection c) throws IOException {
        if (strategy == Strategy.SSE) {
            c.send("GET /sse/bytes HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n");
            assertThat(c.readHead()).startsWith("HTTP/1.1 200");
        } else {
            c.send(RawWebSocket.upgradeRequest("/ws/bytes", "13"));
            assertThat(c.readHead()).startsWith("HTTP/1.1 101");
        }
    }

    /** Reads up to the message numbered {@code seq} (SSE: its id line; WebSocket: its frame). */
    private static void awaitMessage(Strategy strategy, RawConnection c, int seq) throws IOException {
        if (strategy == Strategy.SSE) {
            assertThat(new String(c.readUntil("id: " + seq + "\n"), UTF_8)).endsWith("id: " + seq + "\n");
        } else {
            assertThat(RawWebSocket.readFrame(c).text()).startsWith(seq + "\n");
        }
    }

    /** One subscription's worth of traffic, read completely, so both sides have seen every byte. */
    private static void exchange(Strategy strategy, RawConnection c) throws IOException {
        switch (strategy) {
            case SHORT_POLLING, LONG_POLLING -> {
                String path = strategy.pathPrefix() + "bytes";
                c.send("GET " + path + "?after=0 HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: raw\r\n\r\n");
                assertThat(c.readResponse().status()).isEqualTo(200);
                c.send("GET " + path + "?after=2 HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: raw\r\n\r\n");
                assertThat(c.readResponse().status()).isEqualTo(204);   // the empty answer counts too
            }
            case SSE -> {
                subscribe(strategy, c);
                byte[] stream = c.readUntil("data: payload\n\n\r\n");
                assertThat(new String(stream, UTF_8)).contains("id: 1\ndata: first payload\n\n")
                        .contains("id: 2\ndata: second\ndata: payload\n\n");
            }
            case WEBSOCKET -> {
                subscribe(strategy, c);
                Frame first = RawWebSocket.readFrame(c);
                Frame second = RawWebSocket.readFrame(c);
                assertThat(first.text()).isEqualTo("1\nfirst payload");
                assertThat(second.text()).isEqualTo("2\nsecond\npayload");
                c.send(RawWebSocket.clientFrame(0x8, new byte[] {0x03, (byte) 0xe8}));   // close 1000
                Frame close = RawWebSocket.readFrame(c);
                assertThat(close.closeCode()).isEqualTo(1000);
                assertThat(c.closedByServer()).isTrue();
            }
        }
    }
}
