package io.pushbench.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.model.Strategy;
import io.pushbench.server.client.RawConnection;
import io.pushbench.server.client.RawWebSocket;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server counts the writes that carried its deliveries ({@code deliveryWrites}), so that a report can say how
 * many messages each system call sent: a connection that keeps up gets a write per message, one that is behind
 * gets what it is behind on in one write.
 */
@ExtendWith(NoBufferLeaks.class)
class DeliveryWritesTest {

    private PushServer server;

    @BeforeEach
    void start() {
        server = new PushServer(PushServerConfig.builder().build());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"SSE", "WEBSOCKET"})
    void aBacklogGoesOutInOneWriteAndASubscriberThatKeepsUpGetsAWritePerMessage(Strategy strategy) throws Exception {
        server.publish("writes", "waiting 1".getBytes(UTF_8));
        server.publish("writes", "waiting 2".getBytes(UTF_8));
        try (RawConnection c = RawConnection.open(server.address())) {
            subscribe(strategy, c);
            awaitMessage(strategy, c, 1);
            awaitMessage(strategy, c, 2);
            TrafficCounts backlog = ServerChecks.awaitMetrics(server, m -> m.of(strategy).messagesDelivered() == 2,
                    "the backlog delivered").of(strategy);
            assertThat(backlog.deliveryWrites()).as("the two waiting messages in one write").isEqualTo(1);

            for (int seq = 3; seq <= 5; seq++) {
                server.publish("writes", ("m" + seq).getBytes(UTF_8));
                awaitMessage(strategy, c, seq);
            }
            TrafficCounts kept = ServerChecks.awaitMetrics(server, m -> m.of(strategy).messagesDelivered() == 5,
                    "five messages delivered").of(strategy);
            assertThat(kept.deliveryWrites()).as("then one write per message, each read before the next").isEqualTo(4);
        }
    }

    private static void subscribe(Strategy strategy, RawConnection c) throws IOException {
        if (strategy == Strategy.SSE) {
            c.send("GET /sse/writes HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n");
            assertThat(c.readHead()).startsWith("HTTP/1.1 200");
        } else {
            c.send(RawWebSocket.upgradeRequest("/ws/writes", "13"));
            assertThat(c.readHead()).startsWith("HTTP/1.1 101");
        }
    }

    private static void awaitMessage(Strategy strategy, RawConnection c, int seq) throws IOException {
        if (strategy == Strategy.SSE) {
            assertThat(new String(c.readUntil("id: " + seq + "\n"), UTF_8)).endsWith("id: " + seq + "\n");
        } else {
            assertThat(RawWebSocket.readFrame(c).text()).startsWith(seq + "\n");
        }
    }
}
