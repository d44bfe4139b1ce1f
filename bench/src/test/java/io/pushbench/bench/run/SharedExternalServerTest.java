package io.pushbench.bench.run;

import io.pushbench.bench.client.PollBodyFormat;
import io.pushbench.bench.run.servers.ExternalServerTarget;
import io.pushbench.bench.run.servers.ServerArgs;
import io.pushbench.bench.workload.Arrivals;
import io.pushbench.bench.workload.PublishTarget;
import io.pushbench.bench.workload.TopicMode;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.report.RunVerdict;
import io.pushbench.server.PushServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A server outside pushbench's control is shared: a second run against the same running server must not collide. */
class SharedExternalServerTest {

    @Test
    void twoRunsInARowAgainstOneRunningServerAreBothValid(@TempDir Path dir) throws Exception {
        WorkloadParameters w = SmallRuns.workload(10, TopicMode.SINGLE, 5, Arrivals.FIXED, Duration.ofMillis(200),
                Duration.ofSeconds(1));
        try (PushServer server = new PushServer(ServerArgs.toConfig(ServerArgs.forRun(w, false, List.of())))) {
            InetSocketAddress address = server.start();
            String authority = "127.0.0.1:" + address.getPort();

            List<String> prefixes = new java.util.ArrayList<>();
            List<String> runIds = new java.util.ArrayList<>();
            for (int run = 1; run <= 2; run++) {
                ExternalServerTarget target = new ExternalServerTarget(
                        Map.of(Strategy.WEBSOCKET, "ws://" + authority + "/ws/{topic}?after={seq}"),
                        new PublishTarget("http://" + authority + "/publish/{topic}", null), PollBodyFormat.PUSHBENCH_BATCH);
                LoadRun.Outcome outcome = new LoadRun(SmallRuns.settings(List.of(Strategy.WEBSOCKET), w), target, null,
                        dir, dir.resolve("run" + run), List.of("test"), RunProgress.NONE).execute();

                assertThat(outcome.report().validity().verdict()).as("run " + run + ": " + outcome.report().validity().reasons())
                        .isEqualTo(RunVerdict.VALID);
                prefixes.add(target.runTopicPrefix());
                runIds.add(outcome.report().runId() + "-");
            }
            assertThat(prefixes).isEqualTo(runIds).doesNotHaveDuplicates();
        }
    }

    @Test
    void givenTopicPrefixIsUsedAsIs(@TempDir Path dir) throws Exception {
        WorkloadParameters w = SmallRuns.workload(3, TopicMode.SINGLE, 5, Arrivals.FIXED, Duration.ofMillis(200),
                Duration.ofSeconds(1));
        try (ForeignLinesServer server = new ForeignLinesServer(true)) {
            ExternalServerTarget target = new ExternalServerTarget(
                    Map.of(Strategy.SHORT_POLLING, server.base() + "/poll/{topic}?after={seq}"),
                    new PublishTarget(server.base() + "/publish/{topic}", null), PollBodyFormat.LINES, "mine.");
            LoadRun.Outcome outcome = new LoadRun(SmallRuns.settings(List.of(Strategy.SHORT_POLLING), w), target, null,
                    dir, dir.resolve("run"), List.of("test"), RunProgress.NONE).execute();

            assertThat(outcome.report().validity().valid()).as(outcome.report().validity().reasons().toString()).isTrue();
            assertThat(server.topicNames()).contains("mine.r1-t0", "mine.r0-warmup");
        }
    }
}
