package io.pushbench.bench.client.keepalive;

import io.pushbench.bench.client.Await;
import io.pushbench.bench.client.ClientEngine;
import io.pushbench.bench.client.ClientEngineConfig;
import io.pushbench.bench.client.ClientGroup;
import io.pushbench.bench.client.ClientGroupSnapshot;
import io.pushbench.bench.client.ClientSettings;
import io.pushbench.bench.client.ClientTarget;
import io.pushbench.bench.client.PollBodyFormat;
import io.pushbench.bench.client.RecordingListener;
import io.pushbench.bench.workload.PayloadHeader;
import io.pushbench.model.ByteCategory;
import io.pushbench.model.Direction;
import io.pushbench.model.Strategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Servers that end connections the ways real ones do (nginx's keep-alive limits, nchan's close-delimited event
 * stream) are not blamed for it: no client error, nothing lost or doubled, every reconnect counted, and the client's
 * requests equal to those the server read. Orderly ends reconnect without backoff: the clients' backoff is set to a
 * minute, so a single backoff would stall a test past its deadline.
 */
class ServerClosedConnectionsTest {
    private static final int CLIENTS = 10;
    private static final int MESSAGES = 30;
    private static final PayloadHeader HEADER = new PayloadHeader(64, 1);
    private static final ClientSettings NO_BACKOFF_EXPECTED = ClientSettings.DEFAULTS.withRampUpPerSec(0)
            .withReconnectMillis(60_000, 60_000).withPollIntervalMillis(50);

    private final ClientEngine engine = new ClientEngine(new ClientEngineConfig(2, 2, true));
    /** When the last run's clients were told to close ({@link System#nanoTime()}). */
    private long closeNanos;

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    private static String expected(String topic, long seq) {
        return new String(HEADER.encode("t", seq, 0, 0), StandardCharsets.US_ASCII);
    }

    /** Runs CLIENTS clients until each has MESSAGES messages, closes them and waits until the server saw every close. */
    private ClientGroupSnapshot run(ScriptedPushServer server, Strategy strategy, ClientSettings settings,
                                    RecordingListener listener) throws Exception {
        String path = strategy == Strategy.SSE ? "/sse/{topic}" : "/poll/{topic}?after={seq}";
        ClientTarget target = ClientTarget.external(Map.of(strategy, "http://127.0.0.1:" + server.port() + path),
                PollBodyFormat.LINES, PayloadHeader::seq);
        ClientGroup group = engine.start(strategy, target, CLIENTS, id -> "t", settings, listener);
        try {
            Await.until(() -> group.connectedClients() == CLIENTS, 20, () -> group.connectedClients() + " connected");
            int fewestConnected = CLIENTS;
            for (int seq = 1; seq <= MESSAGES; seq++) {
                server.publish(HEADER.encode("t", seq, 0, 0));
                Thread.sleep(20);
                fewestConnected = Math.min(fewestConnected, group.connectedClients());
            }
            // a client between two connections of an orderly end is still in session (the run's validity counts them)
            assertThat(fewestConnected).as("fewest clients connected while the server closed connections").isEqualTo(CLIENTS);
            Await.until(() -> listener.everyClientHas(MESSAGES), 30,
                    () -> listener.deliveredTotal() + " delivered; errors " + listener.errors);
        } finally {
            closeNanos = System.nanoTime();
            group.close();
        }
        Await.until(() -> server.open.get() == 0, 20, () -> server.open.get() + " connections open at the server");
        ClientGroupSnapshot s = group.snapshot();
        assertThat(listener.errors).isEmpty();
        assertThat(listener.payloadMismatches.get()).as(listener.firstMismatch.toString()).isZero();
        assertThat(s.errors()).isZero();
        assertThat(s.delivered()).isEqualTo((long) CLIENTS * MESSAGES);
        assertThat(s.missing() + s.duplicates() + s.outOfOrder() + s.lost()).isZero();
        // a request that crossed the server's close of an idle connection was written (and is repeated) but never read
        assertThat(s.requests()).isEqualTo(server.requests.get() + server.crossedRequests.get());
        assertThat(s.reconnects()).isEqualTo(server.connections.get() - CLIENTS);
        assertThat(s.bytes().pendingBytes(Direction.UP)).isZero();
        assertThat(s.bytes().pendingBytes(Direction.DOWN)).isZero();
        assertThat(s.bytes().bytes(Direction.DOWN, ByteCategory.PAYLOAD)).isEqualTo(CLIENTS * MESSAGES * 64L);
        return s;
    }

    @Test
    void closeDelimitedEventStreamEndedByTheClientsOwnCloseIsNoError() throws Exception {
        try (ScriptedPushServer server = new ScriptedPushServer(ScriptedPushServer.Script.PLAIN)) {
            ClientGroupSnapshot s = run(server, Strategy.SSE, NO_BACKOFF_EXPECTED, new RecordingListener(CLIENTS,
                    ServerClosedConnectionsTest::expected));
            assertThat(s.reconnects()).isZero();
            assertThat(s.requests()).isEqualTo(CLIENTS);
        }
    }

    /** Every stream ends after 7 events: at 7, 14, 21 and 28 each client reconnects with Last-Event-ID. */
    @Test
    void eventStreamEndedByTheServerIsResumedWithLastEventIdAfterTheRetryTimeLosingNothing() throws Exception {
        var script = new ScriptedPushServer.Script(0, 0, 0, false, false, 7, 20);
        try (ScriptedPushServer server = new ScriptedPushServer(script)) {
            ClientGroupSnapshot s = run(server, Strategy.SSE, NO_BACKOFF_EXPECTED, new RecordingListener(CLIENTS,
                    ServerClosedConnectionsTest::expected));
            assertThat(server.endedStreams.get()).isEqualTo(4L * CLIENTS);
            assertThat(s.reconnects()).isEqualTo(4L * CLIENTS);
            assertThat(server.resumedWithLastEventId.get()).isEqualTo(4L * CLIENTS);
        }
    }

    /**
     * nginx's {@code keepalive_requests}: every third answer says {@code Connection: close}. Short polling keeps its
     * grid across the reconnects (no extra request per reconnect): at most one request per interval per client.
     */
    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"SHORT_POLLING", "LONG_POLLING"})
    void pollerReconnectsWhenTheServerSaysConnectionCloseKeepingItsSchedule(Strategy strategy) throws Exception {
        var script = new ScriptedPushServer.Script(3, 0, 0, strategy == Strategy.LONG_POLLING, false, 0, -1);
        try (ScriptedPushServer server = new ScriptedPushServer(script)) {
            long startNanos = System.nanoTime();
            ClientGroupSnapshot s = run(server, strategy, NO_BACKOFF_EXPECTED, new RecordingListener(CLIENTS,
                    ServerClosedConnectionsTest::expected));
            long gridPoints = (closeNanos - startNanos) / 50_000_000L + 1;
            assertThat(s.reconnects()).isPositive();
            // every connection but each client's last was ended after exactly three answers
            assertThat(s.requests()).isBetween(3 * s.reconnects(), 3 * s.reconnects() + 3L * CLIENTS);
            if (strategy == Strategy.SHORT_POLLING) {
                assertThat(s.requests()).isLessThanOrEqualTo(CLIENTS * gridPoints);
            }
        }
    }

    /** nginx's {@code keepalive_timeout} shorter than the poll interval: every idle connection is closed silently. */
    @Test
    void shortPollerReconnectsWhenTheServerClosesIdleConnectionsBetweenPolls() throws Exception {
        var script = new ScriptedPushServer.Script(0, 20, 0, false, false, 0, -1);
        try (ScriptedPushServer server = new ScriptedPushServer(script)) {
            ClientGroupSnapshot s = run(server, Strategy.SHORT_POLLING, NO_BACKOFF_EXPECTED, new RecordingListener(CLIENTS,
                    ServerClosedConnectionsTest::expected));
            // connections closed idle: at least one answer on each (more when a late answer put the next poll close by)
            assertThat(s.reconnects()).isPositive();
            assertThat(s.connects()).isLessThanOrEqualTo(server.requests.get());
        }
    }

    /**
     * The close crosses a request: after two answers the server reads the next request and closes without answering.
     * A GET is safe to repeat: it is sent again at once on a new connection.
     */
    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"SHORT_POLLING", "LONG_POLLING"})
    void pollerRepeatsARequestTheServerClosedWithoutAnswering(Strategy strategy) throws Exception {
        var script = new ScriptedPushServer.Script(0, 0, 2, strategy == Strategy.LONG_POLLING, false, 0, -1);
        try (ScriptedPushServer server = new ScriptedPushServer(script)) {
            long startNanos = System.nanoTime();
            ClientGroupSnapshot s = run(server, strategy, NO_BACKOFF_EXPECTED, new RecordingListener(CLIENTS,
                    ServerClosedConnectionsTest::expected));
            long gridPoints = (closeNanos - startNanos) / 50_000_000L + 1;
            if (strategy == Strategy.SHORT_POLLING) {
                // the repeat takes the dropped request's grid point: no extra poll
                assertThat(s.requests() - server.droppedRequests.get()).isLessThanOrEqualTo(CLIENTS * gridPoints);
            }
            assertThat(server.droppedRequests.get()).isPositive();
            assertThat(s.reconnects()).isEqualTo(server.droppedRequests.get());
            // every connection: two answers and a dropped request, but each client's last connection
            assertThat(s.requests()).isBetween(3 * s.reconnects() + CLIENTS, 3 * s.reconnects() + 2L * CLIENTS);
        }
    }
}
