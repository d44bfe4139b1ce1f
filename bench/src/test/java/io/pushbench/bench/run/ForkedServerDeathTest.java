package io.pushbench.bench.run;

import io.pushbench.bench.run.servers.ForkedServerTarget;
import io.pushbench.bench.workload.Arrivals;
import io.pushbench.bench.workload.TopicMode;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.report.RunVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A forked server killed mid-window: the run says so, at once, instead of waiting for answers that cannot come. */
class ForkedServerDeathTest {

    @Test
    void forkedServerKilledMidWindowEndsTheRunQuicklyWithTheSignalAndExitCode3(@TempDir Path dir) throws Exception {
        WorkloadParameters w = SmallRuns.workload(5, TopicMode.SINGLE, 10, Arrivals.FIXED, Duration.ofMillis(200),
                Duration.ofSeconds(20));
        AtomicLong killedAtNanos = new AtomicLong();
        RunProgress killer = new RunProgress() {
            private int measuredSeconds;

            @Override
            public void second(Sample sample) {
                // two seconds into the window: SIGKILL the server (the warm-up's server is gone by then)
                if (sample.phase().equals("measuring") && ++measuredSeconds == 2) {
                    ProcessHandle server = ProcessHandle.current().children()
                            .filter(p -> p.info().command().orElse("").endsWith("/java"))   // not ss, the socket sampler
                            .findFirst().orElseThrow();
                    killedAtNanos.set(System.nanoTime());
                    server.destroyForcibly();
                }
            }

            @Override
            public void finished(io.pushbench.report.StrategyResult result) {
            }
        };

        LoadRun.Outcome outcome = new LoadRun(SmallRuns.settings(List.of(Strategy.WEBSOCKET), w),
                new ForkedServerTarget(false, List.of(), List.of("-Xmx256m"), dir.resolve("logs")), null, dir,
                dir.resolve("run"), List.of("test"), killer).execute();
        long endedAfterKillMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAtNanos.get());

        assertThat(killedAtNanos.get()).as("the measured server was killed").isNotZero();
        List<String> reasons = outcome.report().results().get(0).validity().reasons();
        assertThat(reasons.get(0)).matches("server process exited \\(signal 9\\) at 2\\.\\d s into the measured window");
        assertThat(reasons).noneMatch(r -> r.contains("still unanswered"));
        assertThat(outcome.report().validity().verdict()).isEqualTo(RunVerdict.INVALID);
        assertThat(outcome.exitCode()).isEqualTo(LoadRun.EXIT_INVALID);
        assertThat(endedAfterKillMillis).as("no 20 s window, no 30 s wait for answers").isLessThan(10_000);
    }
}
