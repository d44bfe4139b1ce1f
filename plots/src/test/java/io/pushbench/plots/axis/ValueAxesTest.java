package io.pushbench.plots.axis;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValueAxesTest {

    @Test
    void wideRangesGetALogAxisNarrowOnesStartAtZero() {
        assertThat(ValueAxes.linearOrLog("ms", 0.2, 1000)).isInstanceOf(LogAxis.class);
        assertThat(ValueAxes.linearOrLog("ms", 10, 200)).isInstanceOf(NumberAxis.class);
        assertThat(ValueAxes.linearOrLog("ms", 0, 1000)).isInstanceOf(NumberAxis.class);
    }

    @Test
    void numbersReadTheSameInEveryLocale() {
        assertThat(ValueAxes.plainNumbers().format(12345.678)).isEqualTo("12,345.678");
    }
}
