package io.pushbench.bench.run;

import io.pushbench.bench.workload.Arrivals;
import io.pushbench.bench.workload.Sweep;
import io.pushbench.bench.workload.TopicMode;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunSettingsTest {

    private static final WorkloadParameters W = SmallRuns.workload(10, TopicMode.SINGLE, 1, Arrivals.FIXED,
            Duration.ofSeconds(1), Duration.ofSeconds(5));

    @Test
    void planRunsEverySweepPointThenEveryRepeatInterleavingTheStrategies() {
        RunSettings s = new RunSettings(List.of(Strategy.SHORT_POLLING, Strategy.WEBSOCKET), W, null,
                Sweep.parse("interval=250ms,2s", W), 2, 1, 1, 1, 1, false, 1);

        List<RunPoint> plan = s.plan();

        assertThat(plan).hasSize(2 * 2 * 2);
        assertThat(plan).extracting(p -> p.label(2)).containsExactly(
                "poll interval=250ms #1", "ws interval=250ms #1", "poll interval=250ms #2", "ws interval=250ms #2",
                "poll interval=2s #1", "ws interval=2s #1", "poll interval=2s #2", "ws interval=2s #2");
        assertThat(plan.get(0).workload().pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(plan.get(2).workload().seed()).isEqualTo(plan.get(0).workload().seed() + 1);
        assertThat(plan.get(7).hlogFileName(2)).isEqualTo("ws-interval-2s-r2.hlog");
        assertThat(plan).extracting(RunPoint::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void withoutSweepOrRepeatThereIsOneRunPerStrategy() {
        RunSettings s = new RunSettings(List.of(Strategy.SSE), W, null, null, 1, 1, 1, 1, 1, false, 1);

        assertThat(s.plan()).singleElement().satisfies(p -> {
            assertThat(p.sweepParameter()).isNull();
            assertThat(p.hlogFileName(1)).isEqualTo("sse.hlog");
            assertThat(p.workload()).isEqualTo(W);
        });
        assertThatThrownBy(() -> new RunSettings(List.of(), W, null, null, 1, 1, 1, 1, 1, false, 1))
                .hasMessageContaining("at least one strategy");
    }
}
