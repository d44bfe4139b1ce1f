package io.pushbench.plots.axis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NinesAxisTest {

    @Test
    void eachNineIsOneStepRight() {
        assertThat(NinesAxis.toX(0)).isEqualTo(0.0);
        assertThat(NinesAxis.toX(90)).isCloseTo(1.0, within(1e-12));
        assertThat(NinesAxis.toX(99)).isCloseTo(2.0, within(1e-12));
        assertThat(NinesAxis.toX(99.9)).isCloseTo(3.0, within(1e-9));
        assertThat(NinesAxis.toX(50)).isCloseTo(Math.log10(2), within(1e-12));
    }

    @Test
    void labelsNameThePercentileOfEachNine() {
        assertThat(NinesAxis.label(0)).isEqualTo("0%");
        assertThat(NinesAxis.label(1)).isEqualTo("90%");
        assertThat(NinesAxis.label(2)).isEqualTo("99%");
        assertThat(NinesAxis.label(3)).isEqualTo("99.9%");
        assertThat(NinesAxis.label(6)).isEqualTo("99.9999%");
    }

    @Test
    void axisLabelsWholeNinesOnly() {
        var axis = NinesAxis.create("Percentile", 3);
        var format = axis.getTickUnit().valueToString(2.0);

        assertThat(format).isEqualTo("99%");
        assertThat(axis.getTickUnit().valueToString(2.5)).isEmpty();
        assertThat(axis.getRange().getUpperBound()).isEqualTo(3.0);
    }

    @Test
    void ninesFollowTheCountOfValues() {
        assertThat(NinesAxis.ninesFor(0)).isEqualTo(1);
        assertThat(NinesAxis.ninesFor(1000)).isEqualTo(3);
        assertThat(NinesAxis.ninesFor(1001)).isEqualTo(4);
        assertThat(NinesAxis.ninesFor(Long.MAX_VALUE)).isEqualTo(NinesAxis.MAX_NINES);
    }

    @Test
    void hundredPercentHasNoPlace() {
        assertThatThrownBy(() -> NinesAxis.toX(100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NinesAxis.toX(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
