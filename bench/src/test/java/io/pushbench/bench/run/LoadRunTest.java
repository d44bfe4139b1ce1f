package io.pushbench.bench.run;

import io.pushbench.bench.run.servers.EmbeddedServerTarget;
import io.pushbench.bench.workload.Arrivals;
import io.pushbench.bench.workload.TopicMode;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.ByteCategory;
import io.pushbench.model.Strategy;
import io.pushbench.report.ClockInfo;
import io.pushbench.report.ReportJson;
import io.pushbench.report.RunReport;
import io.pushbench.report.StrategyResult;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Small real runs against the embedded server: every strategy delivers exactly, and its counts match the server's. */
class LoadRunTest {

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void everyStrategyDeliversEveryMessageOnceInOrderWithCountsEqualToTheServers(Strategy strategy, @TempDir Path dir)
            throws Exception {
        WorkloadParameters w = SmallRuns.workload(20, TopicMode.SINGLE, 4, Arrivals.FIXED, Duration.ofMillis(500),
                Duration.ofSeconds(3));
        LoadRun.Outcome outcome = new LoadRun(SmallRuns.settings(List.of(strategy), w),
                new EmbeddedServerTarget(false, List.of()), null, dir, dir.resolve("run"), List.of("test"),
                RunProgress.NONE).execute();

        StrategyResult r = outcome.report().results().get(0);
        assertThat(r.validity().reasons()).isEmpty();
        assertThat(outcome.exitCode()).isZero();
        assertThat(r.delivery().published()).isEqualTo(12);   // 4 msg/s x 3 s, window edges between messages
        assertThat(r.delivery().expectedDeliveries()).isEqualTo(12 * 20);
        assertThat(r.delivery().delivered()).isEqualTo(12 * 20);
        assertThat(r.delivery().missing()).isZero();
        assertThat(r.delivery().duplicates()).isZero();
        assertThat(r.delivery().outOfOrder()).isZero();
        assertThat(r.latency().fromScheduled().count()).isEqualTo(12 * 20);
        // payload bytes read in the window: whole payloads; a poll interval's worth of messages may cross each edge
        long payloadBytes = r.applicationBytes().down().payloadBytes();
        assertThat(payloadBytes % 64).isZero();
        assertThat(payloadBytes / 64).isCloseTo(12 * 20, within(2L * 20));

        CountCheck exact = outcome.countChecks().get(0);
        assertThat(exact.available()).isTrue();
        assertThat(exact.clientUpBytes()).isPositive().isEqualTo(exact.serverReadBytes());
        assertThat(exact.clientDownBytes()).isPositive().isEqualTo(exact.serverWrittenBytes());
        assertThat(exact.clientRequests()).isPositive().isEqualTo(exact.serverRequests());
        assertThat(r.networkBytes().available()).as(r.networkBytes().unavailableReason()).isTrue();
        assertThat(r.networkBytes().downBytes()).isGreaterThan(r.networkBytes().downTcpPayloadBytes());
    }

    @Test
    void shortPollingMatchesItsModelWithinStatisticalTolerance(@TempDir Path dir) throws Exception {
        // per-client topics and Poisson arrivals: each delivery waits Uniform(0, T) for its client's next poll,
        // independently of the others, so the mean of n deliveries has a standard error of T / sqrt(12 n)
        Duration interval = Duration.ofMillis(500);
        WorkloadParameters w = SmallRuns.workload(20, TopicMode.PER_CLIENT, 2, Arrivals.POISSON, interval,
                Duration.ofSeconds(6));
        LoadRun.Outcome outcome = new LoadRun(SmallRuns.settings(List.of(Strategy.SHORT_POLLING), w),
                new EmbeddedServerTarget(false, List.of()), null, dir, dir.resolve("run"), List.of("test"),
                RunProgress.NONE).execute();

        StrategyResult r = outcome.report().results().get(0);
        assertThat(r.validity().reasons()).isEmpty();
        double windowSec = r.measuredWindowMicros() / 1e6;
        // each client polls every 0.5 s: 12 polls in 6 s, give or take one at each edge of the window
        assertThat((double) r.requests().requests()).isCloseTo(20 * windowSec / 0.5, within(2.0 * 20));
        // in the window, a poll in flight at either edge is counted by the client on one side of it and by the
        // server on the other; the whole run's counts, taken after every connection closed, agree exactly
        assertThat(r.requests().serverRequests()).isCloseTo(r.requests().requests(), within(2L));
        CountCheck exact = outcome.countChecks().get(0);
        assertThat(exact.clientRequests()).isPositive().isEqualTo(exact.serverRequests());
        long n = r.latency().fromScheduled().count();
        assertThat(n).isGreaterThan(100);
        double standardErrorMicros = 500_000 / Math.sqrt(12.0 * n);
        // 4 standard errors either side, plus up to 30 ms of transport and scheduling delay on a busy machine
        assertThat(r.latency().fromScheduled().meanMicros())
                .isBetween(250_000 - 4 * standardErrorMicros, 250_000 + 4 * standardErrorMicros + 30_000);
        assertThat(r.model()).anySatisfy(m -> {
            assertThat(m.metric()).isEqualTo("requestsPerSec");
            assertThat(m.modelValue()).isEqualTo(40.0);
        });
    }

    @Test
    void reportRoundTripsAndItsHistogramsAndLogHoldTheSameCounts(@TempDir Path dir) throws Exception {
        WorkloadParameters w = SmallRuns.workload(10, TopicMode.SINGLE, 5, Arrivals.FIXED, Duration.ofMillis(500),
                Duration.ofSeconds(2));
        LoadRun.Outcome outcome = new LoadRun(SmallRuns.settings(List.of(Strategy.WEBSOCKET), w),
                new EmbeddedServerTarget(false, List.of()), null, dir, dir.resolve("run"), List.of("test"),
                RunProgress.NONE).execute();

        RunReport back = ReportJson.read(outcome.reportFile());
        assertThat(back).isEqualTo(outcome.report());
        StrategyResult r = back.results().get(0);
        Histogram decoded = r.latency().fromScheduled().decode();
        assertThat(decoded.getTotalCount()).isEqualTo(r.delivery().delivered()).isEqualTo(10 * 10);
        assertThat(decoded.getValueAtPercentile(99)).isEqualTo(r.latency().fromScheduled().p99Micros());

        Path hlog = outcome.reportFile().getParent().resolve(r.hlogFile());
        HistogramLogReader reader = new HistogramLogReader(hlog.toString());
        long logged = 0;
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
            if (h.getTag() == null) {
                logged += ((Histogram) h).getTotalCount();
            }
        }
        assertThat(logged).isEqualTo(decoded.getTotalCount());
        assertThat(Files.readString(outcome.reportFile())).contains("\"schemaVersion\": " + ReportJson.SCHEMA_VERSION);
        ClockInfo clock = back.environment().clock();
        assertThat(clock.method()).isEqualTo(ClockInfo.SHARED_MONOTONIC);
        assertThat(clock.targetClock()).isEqualTo("same-process");
        assertThat(clock.offsetMethod()).as(String.valueOf(clock.unavailableReason())).isEqualTo("http-exchange");
        assertThat(clock.exchanges()).isPositive();
        assertThat(Math.abs(clock.offsetMicros())).as("one JVM, one clock").isLessThanOrEqualTo(clock.uncertaintyMicros());
        assertThat(r.applicationBytes().down().get(ByteCategory.PAYLOAD)).isEqualTo(100 * 64);
        assertThat(back.environment().host().cores()).isPositive();
    }
}
