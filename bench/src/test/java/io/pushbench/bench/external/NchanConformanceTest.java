package io.pushbench.bench.external;

import io.pushbench.model.Strategy;
import io.pushbench.report.StrategyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pushbench against nginx + nchan, a C push server nobody here wrote, with every subscriber kind nchan offers:
 * 1,000 clients, zero loss, a valid run. nchan answers publishes 201/202, ends SSE answers by closing the
 * connection, answers one message per poll with Last-Modified/Etag validators, and closes a keep-alive connection
 * after {@code keepalive_requests}.
 */
class NchanConformanceTest {
    /** nginx's default. */
    private static final int DEFAULT_KEEPALIVE_REQUESTS = 1000;
    /** Low enough that in one run the publisher's and every poller's connections reach it: 2 msg/s, 4 polls/s. */
    private static final int LOW_KEEPALIVE_REQUESTS = 10;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void everyStrategyDeliversEveryMessageToAThousandClients(Strategy strategy) throws Exception {
        try (NchanServer nchan = NchanServer.start(dir, DEFAULT_KEEPALIVE_REQUESTS)) {
            PushbenchCli.Result run = PushbenchCli.run(dir.resolve("run"), strategy, targetArgs(nchan));

            PushbenchCli.assertValidWithoutLoss(run);
            assertThat(nchan.errorAnswers()).as("requests nginx answered with an error status").isEmpty();
            assertThat(nchan.isAlive()).as(nchan.logTail()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void everyStrategyLosesNothingWhenNginxClosesKeepAliveConnectionsAtTheirRequestLimit(Strategy strategy) throws Exception {
        try (NchanServer nchan = NchanServer.start(dir, LOW_KEEPALIVE_REQUESTS)) {
            PushbenchCli.Result run = PushbenchCli.run(dir.resolve("run"), strategy, targetArgs(nchan));

            PushbenchCli.assertValidWithoutLoss(run);
            assertThat(nchan.connectionsClosedAtLimit("POST", "/pub/", LOW_KEEPALIVE_REQUESTS))
                    .as("publish connections nginx closed at keepalive_requests").isPositive();
            if (strategy == Strategy.SHORT_POLLING || strategy == Strategy.LONG_POLLING) {
                String path = strategy == Strategy.SHORT_POLLING ? "/poll/" : "/lp/";
                assertThat(nchan.connectionsClosedAtLimit("GET", path, LOW_KEEPALIVE_REQUESTS))
                        .as("poll connections nginx closed at keepalive_requests: every client's, at least once")
                        .isGreaterThanOrEqualTo(PushbenchCli.CLIENTS);
            }
            assertThat(nchan.errorAnswers()).as("requests nginx answered with an error status").isEmpty();
        }
    }

    @Test
    void serverCpuAndMemoryAreReadFromTheNginxWorkerByItsPid() throws Exception {
        try (NchanServer nchan = NchanServer.start(dir, DEFAULT_KEEPALIVE_REQUESTS)) {
            List<String> args = new java.util.ArrayList<>(targetArgs(nchan));
            args.add("--server-pid=" + nchan.workerPid());
            PushbenchCli.Result run = PushbenchCli.run(dir.resolve("run"), Strategy.WEBSOCKET, args);

            StrategyResult r = PushbenchCli.assertValidWithoutLoss(run);
            PushbenchCli.assertServerCostMeasured(r, run);
        }
    }

    /** The recipe of docs/external-targets.md. */
    static List<String> targetArgs(NchanServer nchan) {
        String base = nchan.base();
        return List.of(
                "--url-poll=" + base + "/poll/{topic}",
                "--url-long-poll=" + base + "/lp/{topic}",
                "--url-sse=" + base + "/sse/{topic}",
                "--url-ws=ws://127.0.0.1:" + nchan.port() + "/ws/{topic}",
                "--poll-body=single",
                "--publish-url=" + base + "/pub/{topic}");
    }
}
