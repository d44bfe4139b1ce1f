package io.pushbench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricGateTest {

    @Test
    void starMatchesAnyTextAndEverythingElseIsLiteral() {
        MetricGate gate = new MetricGate(List.of("latency.p99", "bytes.*.per-msg", "*PerOp"));
        assertThat(gate.gates("latency.p99")).isTrue();
        assertThat(gate.gates("latency.p99.9")).isFalse();
        assertThat(gate.gates("latencyXp99")).isFalse();
        assertThat(gate.gates("bytes.down.per-msg")).isTrue();
        assertThat(gate.gates("wireBytesPerOp")).isTrue();
        assertThat(gate.gates("wireBytes")).isFalse();
        assertThat(new MetricGate(List.of("*")).gates("anything")).isTrue();
        assertThat(new MetricGate(List.of()).gates("latency.p99")).isFalse();
    }

    @Test
    void defaultGateCoversTheHeadlineFiguresOfBothKinds() {
        MetricGate gate = new MetricGate(MetricGate.DEFAULT_PATTERNS);
        assertThat(List.of("latency.p50", "latency.p99", "bytes.up.per-msg", "bytes.down.per-msg", "requests.per-msg",
                "cpu.server.us-per-msg", "deliveries.per-sec", "score", "appBytesDownPerOp", "·gc.alloc.rate.norm"))
                .allMatch(gate::gates);
        assertThat(List.of("latency.max", "latency.p99.9", "cpu.client.us-per-msg", "network.bytes.per-msg"))
                .noneMatch(gate::gates);
    }
}
