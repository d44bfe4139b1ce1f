package io.pushbench.bench.workload;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepTest {

    static final WorkloadParameters BASE = new WorkloadParameters(10, TopicMode.SINGLE, 1.0, Arrivals.FIXED, 64,
            Duration.ofSeconds(1), Duration.ofSeconds(30), 0, Duration.ofSeconds(1), Duration.ofSeconds(5), 1);

    @Test
    void sweepAppliesEachValueToTheWorkload() {
        Sweep sweep = Sweep.parse("interval=250ms,1s", BASE);

        assertThat(sweep.parameter()).isEqualTo(SweepParameter.INTERVAL);
        assertThat(sweep.values()).containsExactly("250ms", "1s");
        assertThat(sweep.parameter().apply(BASE, "250ms").pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(SweepParameter.RATE.apply(BASE, "2.5").publishRatePerSec()).isEqualTo(2.5);
        assertThat(SweepParameter.CLIENTS.apply(BASE, "7").clients()).isEqualTo(7);
        assertThat(SweepParameter.PAYLOAD.apply(BASE, "1024").payloadBytes()).isEqualTo(1024);
    }

    @Test
    void badSweepsNameTheProblem() {
        assertThatThrownBy(() -> Sweep.parse("speed=1,2", BASE)).hasMessageContaining("cannot sweep 'speed'")
                .hasMessageContaining("clients, rate, interval, payload");
        assertThatThrownBy(() -> Sweep.parse("clients", BASE)).hasMessageContaining("expected NAME=v1,v2");
        assertThatThrownBy(() -> Sweep.parse("payload=64,10", BASE)).hasMessageContaining("payload=10")
                .hasMessageContaining("payload must be 56..");
        assertThatThrownBy(() -> Sweep.parse("interval=1s,,2s", BASE)).hasMessageContaining("empty value");
    }

    @Test
    void presetsAreFoundByLabel() {
        assertThat(Preset.fromLabel("Notifications").topics()).isEqualTo(TopicMode.PER_CLIENT);
        assertThatThrownBy(() -> Preset.fromLabel("stock")).hasMessageContaining("ticker, chat, notifications, firehose");
    }
}
