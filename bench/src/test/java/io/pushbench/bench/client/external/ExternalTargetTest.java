package io.pushbench.bench.client.external;

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
import io.pushbench.server.PushServer;
import io.pushbench.server.PushServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clients against servers given by URL templates: seqs come from the payload header, whatever the framing around
 * it (one payload per polling response with conditional requests, SSE {@code data:} without {@code id:}, WebSocket
 * TEXT or BINARY frames holding only the payload, and a pushbench server's {@code <seq> LF <payload>} frames).
 */
class ExternalTargetTest {
    private static final int CLIENTS = 10;
    private static final int MESSAGES = 30;
    private static final int PAYLOAD_BYTES = 64;
    private static final PayloadHeader HEADER = new PayloadHeader(PAYLOAD_BYTES, 1);

    private final ClientEngine engine = new ClientEngine(new ClientEngineConfig(2, 2, true));

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    private static byte[] payload(long seq) {
        return HEADER.encode("ext", seq, 0, 0);
    }

    private static String expected(String topic, long seq) {
        return new String(payload(seq), StandardCharsets.US_ASCII);
    }

    private ClientGroupSnapshot run(Strategy strategy, String template, PollBodyFormat format, Consumer<byte[]> publish,
                                    Runnable awaitSubscribed, RecordingListener listener) throws InterruptedException {
        ClientTarget target = ClientTarget.external(Map.of(strategy, template), format, PayloadHeader::seq);
        ClientGroup group = engine.start(strategy, target, CLIENTS, id -> "ext",
                ClientSettings.DEFAULTS.withPollIntervalMillis(20).withRampUpPerSec(0), listener);
        Await.until(() -> group.connectedClients() == CLIENTS, 20, () -> group.connectedClients() + " connected");
        awaitSubscribed.run();
        for (int seq = 1; seq <= MESSAGES; seq++) {
            publish.accept(payload(seq));
            Thread.sleep(3);
        }
        Await.until(() -> listener.everyClientHas(MESSAGES), 30,
                () -> listener.deliveredTotal() + " delivered; errors " + listener.errors);
        group.close();
        ClientGroupSnapshot s = group.snapshot();
        assertThat(listener.errors).isEmpty();
        assertThat(listener.payloadMismatches.get()).as(listener.firstMismatch.toString()).isZero();
        assertThat(s.delivered()).isEqualTo((long) CLIENTS * MESSAGES);
        assertThat(s.missing() + s.duplicates() + s.outOfOrder() + s.lost() + s.errors()).isZero();
        assertThat(s.bytes().bytes(Direction.DOWN, ByteCategory.PAYLOAD)).isEqualTo((long) CLIENTS * MESSAGES * PAYLOAD_BYTES);
        assertThat(s.bytes().pendingBytes(Direction.UP)).isZero();
        assertThat(s.bytes().pendingBytes(Direction.DOWN)).isZero();
        return s;
    }

    /** {@code /poll/} keeps the cursor in the {@code ETag}, {@code /poll-since/} in {@code Last-Modified}. */
    @ParameterizedTest
    @ValueSource(strings = {"/poll/", "/poll-since/"})
    void pollsWithConditionalRequestsOneMessagePerResponse(String path) throws Exception {
        try (ExternalStyleHttpServer server = new ExternalStyleHttpServer()) {
            RecordingListener listener = new RecordingListener(CLIENTS, ExternalTargetTest::expected);
            ClientGroupSnapshot s = run(Strategy.SHORT_POLLING, "http://127.0.0.1:" + server.port() + path + "{topic}",
                    PollBodyFormat.SINGLE, server::publish, () -> { }, listener);
            assertThat(s.requests()).isEqualTo(server.pollRequests.get());
            assertThat(s.emptyResponses()).isEqualTo(server.notModified.get()).isPositive();
        }
    }

    /**
     * A one-message-per-answer server (nchan's interval-poll) publishing 50 msg/s to clients polling every 500 ms: a
     * short poller asks again at once after each answer that carried a message, so it keeps up (one poll per message
     * would need 20 s for 40 messages). Each message costs one request; the empty answers follow the grid.
     */
    @Test
    void shortPollerDrainsAOneMessagePerAnswerServerAndKeepsUp() throws Exception {
        int messages = 40;
        try (ExternalStyleHttpServer server = new ExternalStyleHttpServer()) {
            RecordingListener listener = new RecordingListener(CLIENTS, ExternalTargetTest::expected);
            ClientTarget target = ClientTarget.external(
                    Map.of(Strategy.SHORT_POLLING, "http://127.0.0.1:" + server.port() + "/poll/{topic}"),
                    PollBodyFormat.SINGLE, PayloadHeader::seq);
            long startNanos = System.nanoTime();
            ClientGroup group = engine.start(Strategy.SHORT_POLLING, target, CLIENTS, id -> "ext",
                    ClientSettings.DEFAULTS.withPollIntervalMillis(500).withRampUpPerSec(0), listener);
            ClientGroupSnapshot s;
            try {
                Await.until(() -> group.connectedClients() == CLIENTS, 20, () -> group.connectedClients() + " connected");
                for (int seq = 1; seq <= messages; seq++) {
                    server.publish(payload(seq));
                    Thread.sleep(20);
                }
                // four poll intervals after the last publish: every client has every message
                Await.until(() -> listener.everyClientHas(messages), 2,
                        () -> listener.deliveredTotal() + " of " + CLIENTS * messages + " delivered");
            } finally {
                group.close();
            }
            long gridPoints = (System.nanoTime() - startNanos) / 500_000_000L + 1;
            s = group.snapshot();
            assertThat(listener.errors).isEmpty();
            assertThat(s.delivered()).isEqualTo((long) CLIENTS * messages);
            assertThat(s.missing() + s.duplicates() + s.outOfOrder() + s.errors()).isZero();
            assertThat(s.requests()).isEqualTo(server.pollRequests.get());
            assertThat(s.requests() - s.emptyResponses()).isEqualTo((long) CLIENTS * messages);
            assertThat(s.emptyResponses()).isEqualTo(server.notModified.get()).isLessThanOrEqualTo(CLIENTS * gridPoints);
        }
    }

    @Test
    void readsSseDataEventsWithoutIds() throws Exception {
        try (ExternalStyleHttpServer server = new ExternalStyleHttpServer()) {
            RecordingListener listener = new RecordingListener(CLIENTS, ExternalTargetTest::expected);
            ClientGroupSnapshot s = run(Strategy.SSE, "http://127.0.0.1:" + server.port() + "/sse/{topic}",
                    PollBodyFormat.SINGLE, server::publish, () -> { }, listener);
            assertThat(s.requests()).isEqualTo(CLIENTS);
            assertThat(s.bytes().bytes(Direction.DOWN, ByteCategory.FRAMING)).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsWebSocketTextOrBinaryFramesCarryingOnlyThePayload(boolean binaryFrames) throws Exception {
        try (BarePayloadWebSocketServer server = new BarePayloadWebSocketServer(binaryFrames)) {
            RecordingListener listener = new RecordingListener(CLIENTS, ExternalTargetTest::expected);
            ClientGroupSnapshot s = run(Strategy.WEBSOCKET, "ws://127.0.0.1:" + server.port() + "/ws/{topic}",
                    PollBodyFormat.SINGLE, server::publish,
                    () -> Await.until(() -> server.subscribers() == CLIENTS, 20, () -> server.subscribers() + " subscribed"),
                    listener);
            // every frame: a 2-byte header around a 64-byte payload
            assertThat(s.bytes().bytes(Direction.DOWN, ByteCategory.FRAMING)).isEqualTo(2L * CLIENTS * MESSAGES);
        }
    }

    /** A pushbench server as an external target: its binary frames carry {@code <seq> LF} before the payload. */
    @Test
    void readsAPushbenchServersSeqPrefixedWebSocketFrames() throws Exception {
        try (PushServer server = new PushServer(PushServerConfig.builder().bindAddress("127.0.0.1").port(0).build())) {
            int port = server.start().getPort();
            RecordingListener listener = new RecordingListener(CLIENTS, ExternalTargetTest::expected);
            ClientGroupSnapshot s = run(Strategy.WEBSOCKET, "ws://127.0.0.1:" + port + "/ws/{topic}?after={seq}",
                    PollBodyFormat.SINGLE, p -> server.publish("ext", p), () -> { }, listener);
            long prefixBytes = 0;
            for (int seq = 1; seq <= MESSAGES; seq++) {
                prefixBytes += String.valueOf(seq).length() + 1;
            }
            // every frame: a 2-byte header and the "<seq>\n" prefix around the 64-byte payload
            assertThat(s.bytes().bytes(Direction.DOWN, ByteCategory.FRAMING)).isEqualTo(CLIENTS * (2L * MESSAGES + prefixBytes));
            Await.until(() -> server.metrics().of(Strategy.WEBSOCKET).openConnections() == 0, 20, () -> "server connections");
            assertThat(s.bytes().socketBytes(Direction.DOWN)).isEqualTo(server.metrics().of(Strategy.WEBSOCKET).bytesWritten());
        }
    }

    @Test
    void countsAPushbenchServersWebSocketLossNoticeAsLost() throws Exception {
        try (PushServer server = new PushServer(PushServerConfig.builder().bindAddress("127.0.0.1").port(0)
                .retentionCount(5).build())) {
            int port = server.start().getPort();
            for (int seq = 1; seq <= 20; seq++) {
                server.publish("ext", payload(seq)); // only 16..20 retained: a client resuming after 2 lost 3..15
            }
            RecordingListener listener = new RecordingListener(CLIENTS, ExternalTargetTest::expected);
            ClientTarget target = ClientTarget.external(
                    Map.of(Strategy.WEBSOCKET, "ws://127.0.0.1:" + port + "/ws/{topic}?after={seq}"), PollBodyFormat.SINGLE,
                    PayloadHeader::seq);
            ClientGroup group = engine.start(Strategy.WEBSOCKET, target, CLIENTS, id -> "ext",
                    ClientSettings.DEFAULTS.withRampUpPerSec(0).withStartAfterSeq(2), listener);
            Await.until(() -> listener.everyClientHas(5), 30, () -> listener.deliveredTotal() + " delivered");
            group.close();
            ClientGroupSnapshot s = group.snapshot(topic -> 20);

            assertThat(listener.payloadMismatches.get()).as(listener.firstMismatch.toString()).isZero();
            assertThat(s.lost()).isEqualTo(13L * CLIENTS);
            assertThat(s.delivered()).isEqualTo(5L * CLIENTS);
            assertThat(s.missing() + s.duplicates() + s.outOfOrder() + s.errors()).isZero();
        }
    }

    @Test
    void answersPingsWithPongsCountedAsHeartbeat() throws Exception {
        try (BarePayloadWebSocketServer server = new BarePayloadWebSocketServer(false)) {
            RecordingListener listener = new RecordingListener(CLIENTS, null);
            ClientTarget target = ClientTarget.external(
                    Map.of(Strategy.WEBSOCKET, "ws://127.0.0.1:" + server.port() + "/ws/{topic}"), PollBodyFormat.SINGLE,
                    PayloadHeader::seq);
            ClientGroup group = engine.start(Strategy.WEBSOCKET, target, CLIENTS, id -> "ext",
                    ClientSettings.DEFAULTS.withRampUpPerSec(0), listener);
            Await.until(() -> server.subscribers() == CLIENTS, 20, () -> server.subscribers() + " subscribed");
            server.ping();
            server.ping();
            Await.until(() -> server.pongs.get() == 2 * CLIENTS, 20, () -> server.pongs.get() + " pongs");
            group.close();
            ClientGroupSnapshot s = group.snapshot();

            int data = BarePayloadWebSocketServer.PING_DATA.length();
            // a ping from the server: 2-byte header + data; a pong from the client is masked: 2 + 4 + data
            assertThat(s.bytes().bytes(Direction.DOWN, ByteCategory.HEARTBEAT)).isEqualTo(2L * CLIENTS * (2 + data));
            assertThat(s.bytes().bytes(Direction.UP, ByteCategory.HEARTBEAT)).isEqualTo(2L * CLIENTS * (2 + 4 + data));
            assertThat(s.errors()).isZero();
        }
    }
}
