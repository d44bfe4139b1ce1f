package io.pushbench.bench.external;

import io.pushbench.model.Strategy;
import io.pushbench.report.StrategyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pushbench against a Node.js server on npm's {@code ws} and {@code better-sse} (targets/node-push): every strategy,
 * 1,000 clients, zero loss, a valid run, published by an HTTP POST of a JSON envelope; again with the server closing
 * keep-alive connections after a few requests ({@code server.maxRequestsPerSocket}); and published through a broker
 * the server subscribes to (Redis pub/sub, PostgreSQL LISTEN/NOTIFY), the classic SSE chat-room set-up.
 */
class NodePushServerConformanceTest {
    /** Low enough that in one run the publisher's and every poller's connections reach it: 2 msg/s, 4 polls/s. */
    private static final int LOW_MAX_REQUESTS_PER_SOCKET = 10;
    private static final String REDIS = "redis://127.0.0.1:6379";
    private static final String POSTGRES = "postgresql://127.0.0.1:5432/test?user=postgres";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void everyStrategyDeliversEveryMessagePublishedAsAJsonEnvelope(Strategy strategy) throws Exception {
        try (NodePushServer node = NodePushServer.start(dir, List.of())) {
            PushbenchCli.Result run = PushbenchCli.run(dir.resolve("run"), strategy, httpPublish(node));

            PushbenchCli.assertValidWithoutLoss(run);
            assertThat(node.isAlive()).as(node.logTail()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void everyStrategyLosesNothingWhenNodeClosesConnectionsAtMaxRequestsPerSocket(Strategy strategy) throws Exception {
        try (NodePushServer node = NodePushServer.start(dir, List.of("--max-requests-per-socket=" + LOW_MAX_REQUESTS_PER_SOCKET))) {
            PushbenchCli.Result run = PushbenchCli.run(dir.resolve("run"), strategy, httpPublish(node));

            PushbenchCli.assertValidWithoutLoss(run);
            String closing = "node_push_requests_closing_connection_total";
            assertThat(node.metric(closing, "route=\"publish\"")).as("publish connections closed at the limit").isPositive();
            if (strategy == Strategy.SHORT_POLLING || strategy == Strategy.LONG_POLLING) {
                assertThat(node.metric(closing, "route=\"" + strategy.label() + "\""))
                        .as("poll connections closed at the limit: every client's, at least once")
                        .isGreaterThanOrEqualTo(PushbenchCli.CLIENTS);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"SSE", "WEBSOCKET"})
    void deliversWhatRedisPubSubHandsTheServer(Strategy strategy) throws Exception {
        String prefix = channelPrefix();
        try (NodePushServer node = NodePushServer.start(dir, List.of("--redis=" + REDIS, "--channel-prefix=" + prefix))) {
            PushbenchCli.Result run = PushbenchCli.run(dir.resolve("run"), strategy,
                    subscribeArgs(node, REDIS + "/" + prefix + "{topic}"));

            PushbenchCli.assertValidWithoutLoss(run);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"SSE", "WEBSOCKET"})
    void deliversWhatPostgresNotifyHandsTheServer(Strategy strategy) throws Exception {
        String prefix = channelPrefix();
        try (NodePushServer node = NodePushServer.start(dir, List.of("--postgres=postgresql://postgres@127.0.0.1:5432/test",
                "--channel-prefix=" + prefix))) {
            PushbenchCli.Result run = PushbenchCli.run(dir.resolve("run"), strategy,
                    subscribeArgs(node, POSTGRES + "&channel=" + prefix + "{topic}"));

            PushbenchCli.assertValidWithoutLoss(run);
        }
    }

    @Test
    void serverCpuAndMemoryAreReadFromTheNodeProcessByItsPid() throws Exception {
        try (NodePushServer node = NodePushServer.start(dir, List.of())) {
            List<String> args = new ArrayList<>(httpPublish(node));
            args.add("--server-pid=" + node.pid());
            PushbenchCli.Result run = PushbenchCli.run(dir.resolve("run"), Strategy.WEBSOCKET, args);

            StrategyResult r = PushbenchCli.assertValidWithoutLoss(run);
            PushbenchCli.assertServerCostMeasured(r, run);
        }
    }

    @Test
    void serverCpuAndMemoryAreReadFromItsPrometheusMetrics() throws Exception {
        try (NodePushServer node = NodePushServer.start(dir, List.of())) {
            List<String> args = new ArrayList<>(httpPublish(node));
            args.add("--server-metrics-url=" + node.base() + "/metrics");
            PushbenchCli.Result run = PushbenchCli.run(dir.resolve("run"), Strategy.WEBSOCKET, args);

            StrategyResult r = PushbenchCli.assertValidWithoutLoss(run);
            PushbenchCli.assertServerCostMeasured(r, run);
        }
    }

    /** Broker channels of other runs on the shared Redis/PostgreSQL never reach this server. */
    private static String channelPrefix() {
        return "nodepush" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24)) + "-";
    }

    /** The recipe of docs/external-targets.md: subscribe URLs plus the JSON envelope publish. */
    static List<String> httpPublish(NodePushServer node) {
        return subscribeArgs(node, node.base() + "/publish",
                "--publish-body={\"channel\":\"{topic:json}\",\"data\":\"{payload:json}\"}",
                "--publish-header=Content-Type: application/json");
    }

    static List<String> subscribeArgs(NodePushServer node, String publishUrl, String... publishOptions) {
        String base = node.base();
        List<String> args = new ArrayList<>(List.of(
                "--url-poll=" + base + "/poll/{topic}?after={seq}",
                "--url-long-poll=" + base + "/long-poll/{topic}?after={seq}",
                "--url-sse=" + base + "/sse/{topic}",
                "--url-ws=ws://127.0.0.1:" + node.port() + "/ws/{topic}",
                "--poll-body=lines",
                "--publish-url=" + publishUrl));
        args.addAll(List.of(publishOptions));
        return args;
    }
}
