package io.pushbench.bench.run;

import io.pushbench.bench.run.servers.ExternalServerTarget;
import io.pushbench.bench.workload.Arrivals;
import io.pushbench.bench.client.PollBodyFormat;
import io.pushbench.bench.workload.PublishTarget;
import io.pushbench.bench.workload.TopicMode;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.report.ReportJson;
import io.pushbench.report.RunVerdict;
import io.pushbench.report.StrategyResult;
import io.pushbench.report.TimelineSecond;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The "kept up" rule: a run that delivers everything, but late and later, is saturated, not valid. */
class KeptUpVerdictTest {

    @Test
    void serverThatDeliversSlowerThanTheScheduleIsSaturatedWithExitCode3AndAFullReport(@TempDir Path dir) throws Exception {
        // one line per 100 ms poll: at most 10 msg/s per client, offered 12 msg/s
        try (ForeignLinesServer server = new ForeignLinesServer(true, 1)) {
            LoadRun.Outcome outcome = pollRun(server, dir);

            StrategyResult r = outcome.report().results().get(0);
            assertThat(r.delivery().missing()).as(r.validity().reasons().toString()).isZero();
            assertThat(r.validity().verdict()).as(r.validity().reasons().toString()).isEqualTo(RunVerdict.SATURATED);
            assertThat(r.validity().reasons()).anyMatch(reason -> reason.startsWith("did not keep up"));
            assertThat(outcome.report().validity().verdict()).isEqualTo(RunVerdict.SATURATED);
            assertThat(outcome.exitCode()).isEqualTo(LoadRun.EXIT_INVALID);
            assertThat(ReportJson.read(outcome.reportFile()).validity().verdict()).isEqualTo(RunVerdict.SATURATED);
            assertThat(r.latency().fromScheduled().count()).isEqualTo(r.delivery().expectedDeliveries());
        }
    }

    @Test
    void serverThatKeepsUpStaysValid(@TempDir Path dir) throws Exception {
        try (ForeignLinesServer server = new ForeignLinesServer(true, 0)) {
            LoadRun.Outcome outcome = pollRun(server, dir);

            StrategyResult r = outcome.report().results().get(0);
            assertThat(r.validity().verdict()).as(r.validity().reasons().toString()).isEqualTo(RunVerdict.VALID);
            assertThat(outcome.exitCode()).isZero();
        }
    }

    @Test
    void flatLatencyWithJitterHasNoTrendAndSteadilyRisingLatencyHasOne() {
        List<TimelineSecond> flat = new ArrayList<>();
        List<TimelineSecond> rising = new ArrayList<>();
        long[] jitter = {0, 30_000, -20_000, 45_000, -10_000, 5_000, 60_000, -30_000, 15_000, 0};
        for (int i = 0; i < 10; i++) {
            flat.add(new TimelineSecond(1000L * (i + 1), 5, 100, 50_000 + jitter[i], 0));
            rising.add(new TimelineSecond(1000L * (i + 1), 5, 100, 50_000 + 200_000L * i + jitter[i], 0));
        }

        assertThat(KeptUpCheck.reasons(1000, 1000, 5, flat)).isEmpty();
        assertThat(KeptUpCheck.reasons(1000, 1000, 5, rising)).singleElement().asString()
                .startsWith("did not keep up: latency trending up");
        assertThat(KeptUpCheck.reasons(979, 1000, 5, flat)).singleElement().asString()
                .contains("979 deliveries received in the window, 97.9 % of the 1,000 scheduled");
        assertThat(KeptUpCheck.reasons(986, 1000, 5, flat)).as("within the edge tolerance").isEmpty();
        assertThat(KeptUpCheck.trend(rising.subList(0, 5))).as("too few seconds for a trend").isNull();
    }

    private static LoadRun.Outcome pollRun(ForeignLinesServer server, Path dir) throws Exception {
        WorkloadParameters w = SmallRuns.workload(5, TopicMode.SINGLE, 12, Arrivals.FIXED, Duration.ofMillis(100),
                Duration.ofSeconds(6));
        ExternalServerTarget target = new ExternalServerTarget(
                Map.of(Strategy.SHORT_POLLING, server.base() + "/poll/{topic}?after={seq}"),
                new PublishTarget(server.base() + "/publish/{topic}", null), PollBodyFormat.LINES);
        return new LoadRun(SmallRuns.settings(List.of(Strategy.SHORT_POLLING), w), target, null, dir,
                dir.resolve("run"), List.of("test"), RunProgress.NONE).execute();
    }
}
