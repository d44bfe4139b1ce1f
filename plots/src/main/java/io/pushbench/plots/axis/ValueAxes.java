package io.pushbench.plots.axis;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * Value axes that pick their own scale: linear from zero, or logarithmic when the values span more
 * than {@value #LOG_SPAN} times (short polling's seconds beside WebSocket's sub-millisecond latencies).
 */
public final class ValueAxes {

    /** Above this ratio of largest to smallest positive value an axis is logarithmic. */
    public static final double LOG_SPAN = 30;

    private ValueAxes() {
    }

    /**
     * A linear axis from zero, or a base-10 log axis when {@code maxValue / minPositiveValue} exceeds
     * {@link #LOG_SPAN}.
     *
     * @param label            the axis title with its unit
     * @param minPositiveValue the smallest value above zero to be shown ({@code <= 0}: none, stays linear)
     * @param maxValue         the largest value to be shown
     */
    public static ValueAxis linearOrLog(String label, double minPositiveValue, double maxValue) {
        if (minPositiveValue > 0 && maxValue / minPositiveValue > LOG_SPAN) {
            LogAxis axis = new PlainLogAxis(label, plainNumbers(), List.of());
            axis.setSmallestValue(minPositiveValue / 2);
            axis.setRange(minPositiveValue / 2, maxValue * 1.5);
            return axis;
        }
        return linearFromZero(label);
    }

    /**
     * An axis for a sweep's parameter: logarithmic when the values span more than {@code logSpan}
     * times, then labelled at exactly the swept values; otherwise linear from zero.
     *
     * @param values the swept values, all above zero for a log axis
     */
    public static ValueAxis forSweep(String label, List<Double> values, double logSpan) {
        double min = values.stream().mapToDouble(Double::doubleValue).filter(v -> v > 0).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (min > 0 && max / min > logSpan) {
            LogAxis axis = new PlainLogAxis(label, plainNumbers(), values);
            axis.setSmallestValue(min / 2);
            axis.setRange(min / 1.5, max * 1.5);
            return axis;
        }
        return linearFromZero(label);
    }

    /** A linear axis that always includes zero, so bar heights compare honestly. */
    public static NumberAxis linearFromZero(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        axis.setNumberFormatOverride(plainNumbers());
        return axis;
    }

    /** {@code 1,234.5}, the same in every locale: charts are read by people in many. */
    public static DecimalFormat plainNumbers() {
        return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
