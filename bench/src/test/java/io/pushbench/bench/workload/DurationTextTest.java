package io.pushbench.bench.workload;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationTextTest {

    @Test
    void parsesEveryUnit() {
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationText.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationText.parse("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void formatsTheShortestExactForm() {
        assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationText.format(Duration.ofSeconds(120))).isEqualTo("2m");
        assertThat(DurationText.format(Duration.ofSeconds(30))).isEqualTo("30s");
    }

    @Test
    void rejectsUnitlessOrFractionalText() {
        assertThatThrownBy(() -> DurationText.parse("10")).hasMessageContaining("invalid duration '10'")
                .hasMessageContaining("500ms, 10s, 2m");
        assertThatThrownBy(() -> DurationText.parse("1.5s")).hasMessageContaining("invalid duration");
        assertThatThrownBy(() -> DurationText.parse("-1s")).hasMessageContaining("invalid duration");
    }
}
