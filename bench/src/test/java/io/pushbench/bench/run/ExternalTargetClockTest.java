package io.pushbench.bench.run;

import io.pushbench.bench.client.PollBodyFormat;
import io.pushbench.bench.clock.ClockProbe;
import io.pushbench.bench.run.servers.ExternalServerTarget;
import io.pushbench.bench.workload.Arrivals;
import io.pushbench.bench.workload.PublishTarget;
import io.pushbench.bench.workload.TopicMode;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.report.ClockInfo;
import io.pushbench.report.ReportJson;
import io.pushbench.report.StrategyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A load run against a foreign server without {@code GET /clock}: the report says how its clock was read instead. */
class ExternalTargetClockTest {

    @Test
    void externalServerWithoutClockEndpointIsReadThroughItsDateHeaderAndTheReportSaysWhy(@TempDir Path dir)
            throws Exception {
        try (ForeignLinesServer server = new ForeignLinesServer(true)) {
            LoadRun.Outcome outcome = pollRun(server, dir);

            StrategyResult r = outcome.report().results().get(0);
            assertThat(r.delivery().delivered()).as(r.validity().reasons().toString()).isEqualTo(4 * 5);
            ClockInfo clock = ReportJson.read(outcome.reportFile()).environment().clock();
            assertThat(clock.offsetMethod()).as(String.valueOf(clock.unavailableReason())).isEqualTo("date-header");
            assertThat(clock.unavailableReason()).isEqualTo("GET " + server.base() + "/clock answered 404");
            assertThat(clock.serverResolutionMicros()).isEqualTo(1_000_000);
            assertThat(clock.targetClock()).isEqualTo("same-host");
            assertThat(clock.exchanges()).isPositive();
            assertThat(Math.abs(clock.offsetMicros())).as("one host: 0 within the 1 s resolution")
                    .isLessThanOrEqualTo(clock.uncertaintyMicros());
            assertThat(clock.uncertaintyMicros()).isGreaterThanOrEqualTo(500_000);
            assertThat(r.latency().fromScheduled().count()).as("latency does not depend on it").isEqualTo(4 * 5);
        }
    }

    @Test
    void externalServerIsNotAskedForClockByDefaultButReadThroughTheDateHeaderOfAHeadOfThePublishUrl(@TempDir Path dir)
            throws Exception {
        try (ForeignLinesServer server = new ForeignLinesServer(true)) {
            LoadRun.Outcome outcome = pollRun(server, dir, null);

            assertThat(server.requests()).isNotEmpty().noneMatch(r -> r.contains("/clock"));
            String runId = outcome.report().runId();
            assertThat(server.requests()).contains("HEAD /publish/" + runId + "-r0-warmup");
            ClockInfo clock = ReportJson.read(outcome.reportFile()).environment().clock();
            assertThat(clock.offsetMethod()).as(String.valueOf(clock.unavailableReason())).isEqualTo("date-header");
            assertThat(clock.unavailableReason()).isEqualTo("clock probe 'date': the Date header of HEAD " + server.base()
                    + "/publish/" + runId + "-r0-warmup (answered 200)");
            assertThat(outcome.report().validity().valid()).as(outcome.report().validity().reasons().toString()).isTrue();
        }
    }

    @Test
    void clockProbeOffMakesNoExchangeAndSaysSo(@TempDir Path dir) throws Exception {
        try (ForeignLinesServer server = new ForeignLinesServer(true)) {
            LoadRun.Outcome outcome = pollRun(server, dir, ClockProbe.OFF);

            assertThat(server.requests()).noneMatch(r -> r.contains("/clock") || r.startsWith("HEAD"));
            ClockInfo clock = ReportJson.read(outcome.reportFile()).environment().clock();
            assertThat(clock.offsetMethod()).isEqualTo("unavailable");
            assertThat(clock.unavailableReason()).isEqualTo("--clock-probe=off: no clock exchange was made");
        }
    }

    @Test
    void externalServerWithNeitherClockNorDateLeavesTheOffsetUnavailableWithTheReason(@TempDir Path dir)
            throws Exception {
        try (ForeignLinesServer server = new ForeignLinesServer(false)) {
            LoadRun.Outcome outcome = pollRun(server, dir);

            ClockInfo clock = ReportJson.read(outcome.reportFile()).environment().clock();
            assertThat(clock.offsetMethod()).isEqualTo("unavailable");
            assertThat(clock.offsetMicros()).isNull();
            assertThat(clock.unavailableReason()).isEqualTo("GET " + server.base() + "/clock answered 404 and no Date header");
            assertThat(clock.exchangesFailed()).isPositive();
            assertThat(outcome.report().validity().valid()).as("the offset is no validity condition").isTrue();
        }
    }

    /** With {@code --clock-probe=endpoint}, as asked: {@code GET /clock}, then the Date header of its 404. */
    private static LoadRun.Outcome pollRun(ForeignLinesServer server, Path dir) throws Exception {
        return pollRun(server, dir, ClockProbe.ENDPOINT);
    }

    private static LoadRun.Outcome pollRun(ForeignLinesServer server, Path dir, ClockProbe probe) throws Exception {
        WorkloadParameters w = SmallRuns.workload(5, TopicMode.SINGLE, 4, Arrivals.FIXED, Duration.ofMillis(200),
                Duration.ofSeconds(1));
        ExternalServerTarget target = new ExternalServerTarget(
                Map.of(Strategy.SHORT_POLLING, server.base() + "/poll/{topic}?after={seq}"),
                new PublishTarget(server.base() + "/publish/{topic}", null), PollBodyFormat.LINES);
        LoadRun run = new LoadRun(SmallRuns.settings(List.of(Strategy.SHORT_POLLING), w), target, null, dir,
                dir.resolve("run"), List.of("test"), RunProgress.NONE);
        return (probe == null ? run : run.clockProbe(probe)).execute();
    }
}
