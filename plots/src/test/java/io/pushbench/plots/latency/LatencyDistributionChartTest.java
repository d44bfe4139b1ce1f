package io.pushbench.plots.latency;

import io.pushbench.model.Strategy;
import io.pushbench.plots.axis.NinesAxis;
import org.HdrHistogram.Histogram;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyDistributionChartTest {

    @Test
    void seriesRunsFromTheMinimumToTheMaximumAtOneInCount() {
        Histogram micros = new Histogram(3_600_000_000L, 3);
        for (int v = 1; v <= 1000; v++) {
            micros.recordValue(v * 1000L);   // 1 ms .. 1000 ms, uniformly
        }

        XYSeries series = LatencyDistributionChart.series(Strategy.SSE.displayName(), micros);

        assertThat(series.getX(0).doubleValue()).isEqualTo(0.0);
        assertThat(series.getMaxX()).isCloseTo(3.0, within(1e-9));   // 1000 values: the max sits at 99.9%
        assertThat(series.getMaxY()).isCloseTo(1000.0, within(1.0));
        double medianMillis = valueNear(series, NinesAxis.toX(50));
        assertThat(medianMillis).isCloseTo(500.0, within(5.0));
        for (int i = 1; i < series.getItemCount(); i++) {
            assertThat(series.getY(i).doubleValue()).isGreaterThanOrEqualTo(series.getY(i - 1).doubleValue());
        }
    }

    private static double valueNear(XYSeries series, double x) {
        for (int i = 0; i < series.getItemCount(); i++) {
            if (series.getX(i).doubleValue() >= x - 1e-9) {
                return series.getY(i).doubleValue();
            }
        }
        throw new AssertionError("no point at " + x);
    }
}
