package io.pushbench.bench.run;

import io.pushbench.bench.run.servers.EmbeddedServerTarget;
import io.pushbench.bench.workload.Arrivals;
import io.pushbench.bench.workload.TopicMode;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.report.ClockInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a run makes its clock exchanges when its warm-up leaves no room for them. */
class RunClockTest {

    @Test
    void runWithoutWarmUpMakesItsClockExchangesAfterEachMeasurement(@TempDir Path dir) throws Exception {
        WorkloadParameters w = new WorkloadParameters(5, TopicMode.SINGLE, 4, Arrivals.FIXED, 64, Duration.ofMillis(500),
                Duration.ofSeconds(30), 0, Duration.ZERO, Duration.ofSeconds(1), 7);

        LoadRun.Outcome outcome = new LoadRun(SmallRuns.settings(List.of(Strategy.SSE, Strategy.WEBSOCKET), w),
                new EmbeddedServerTarget(false, List.of()), null, dir, dir.resolve("run"), List.of("test"),
                RunProgress.NONE).execute();

        ClockInfo clock = outcome.report().environment().clock();
        assertThat(clock.offsetMethod()).as(String.valueOf(clock.unavailableReason())).isEqualTo("http-exchange");
        assertThat(clock.exchanges() + clock.exchangesFailed()).as("at most 20 per strategy run").isBetween(1, 40);
        assertThat(Math.abs(clock.offsetMicros())).isLessThanOrEqualTo(clock.uncertaintyMicros());
        assertThat(outcome.report().results()).hasSize(2);
    }
}
