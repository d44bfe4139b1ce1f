package io.pushbench.bench.cli;

import io.pushbench.bench.run.LoadRun;
import io.pushbench.bench.run.RunProgress;
import io.pushbench.bench.run.RunSettings;
import io.pushbench.bench.run.servers.EmbeddedServerTarget;
import io.pushbench.bench.workload.Arrivals;
import io.pushbench.bench.workload.TopicMode;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.report.MemoryFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Memory per connection of one client is below what two readings without clients differ by: n/a, and why. */
class MemoryNoiseFloorTest {

    @Test
    void memoryPerConnectionOfOneClientIsNotAvailableBelowTheNoiseFloorAndTheTableSaysWhy(@TempDir Path dir)
            throws Exception {
        WorkloadParameters w = new WorkloadParameters(1, TopicMode.SINGLE, 5, Arrivals.FIXED, 64, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 0, Duration.ofMillis(500), Duration.ofSeconds(1), 7);
        RunSettings settings = new RunSettings(List.of(Strategy.WEBSOCKET), w, null, null, 1, 5_000_000, 5_000_000, 2, 2,
                false, 2);
        LoadRun.Outcome outcome = new LoadRun(settings, new EmbeddedServerTarget(false, List.of()), null, dir,
                dir.resolve("run"), List.of("test"), RunProgress.NONE).execute();

        MemoryFigures memory = outcome.report().results().get(0).memory();
        assertThat(memory.available()).isFalse();
        assertThat(memory.heapBytesPerConnection()).isNull();
        assertThat(memory.unavailableReason()).startsWith("below the noise floor: memory grew by ")
                .contains("with 1 connections");
        assertThat(memory.heapBaselineBytes()).as("the readings are kept").isPositive();
        String table = SummaryTable.render(outcome.report());
        assertThat(table).contains("ws mem/conn n/a: below the noise floor");
        assertThat(table.lines().skip(2).findFirst().orElseThrow()).contains("n/a").doesNotContain("-2");
    }
}
