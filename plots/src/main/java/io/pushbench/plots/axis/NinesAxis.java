package io.pushbench.plots.axis;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;

import java.math.BigDecimal;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * The percentile axis of a latency distribution, in "nines": 0%, 90%, 99%, 99.9%, ... equally spaced.
 *
 * <p>A percentile {@code p} is drawn at {@code x = log10(100 / (100 - p))}, so each step right is ten
 * times rarer: 90% at 1, 99% at 2, 99.9% at 3. This is HdrHistogram's percentile-distribution plot: the
 * tail, where polling intervals and stalls show, gets as much room as the median.
 *
 * <p>Typical use:
 * <pre>{@code
 * series.add(NinesAxis.toX(99.0), p99Millis);
 * plot.setDomainAxis(NinesAxis.create("Percentile", 3));   // 0% .. 99.9%
 * }</pre>
 */
public final class NinesAxis {

    /** The finest axis drawn: six nines, 99.9999%. */
    public static final int MAX_NINES = 6;

    private NinesAxis() {
    }

    /**
     * Where a percentile sits on the axis.
     *
     * @param percentile 0 (inclusive) to 100 (exclusive); 100 has no place on a nines axis
     * @return {@code log10(100 / (100 - percentile))}: 0 for 0%, 1 for 90%, 2 for 99%
     * @throws IllegalArgumentException outside [0, 100)
     */
    public static double toX(double percentile) {
        if (!(percentile >= 0 && percentile < 100)) {
            throw new IllegalArgumentException("percentile must be in [0, 100): " + percentile);
        }
        return Math.log10(100.0 / (100.0 - percentile));
    }

    /**
     * The label of a whole number of nines: {@code "0%"}, {@code "90%"}, {@code "99%"}, {@code "99.9%"}.
     *
     * @param nines 0 to {@link #MAX_NINES}
     */
    public static String label(int nines) {
        if (nines < 0 || nines > MAX_NINES) {
            throw new IllegalArgumentException("nines must be 0.." + MAX_NINES + ": " + nines);
        }
        if (nines == 0) {
            return "0%";
        }
        BigDecimal percent = BigDecimal.valueOf(100).subtract(BigDecimal.ONE.movePointLeft(nines - 2));
        return percent.stripTrailingZeros().toPlainString() + "%";
    }

    /**
     * How many nines a distribution supports: with {@code count} values the last one sits at
     * percentile {@code 100 (1 - 1/count)}, that is at {@code x = log10(count)}.
     *
     * @param count values in the distribution
     * @return {@code ceil(log10(count))} between 1 and {@link #MAX_NINES}
     */
    public static int ninesFor(long count) {
        if (count <= 10) {
            return 1;
        }
        return (int) Math.min(MAX_NINES, Math.ceil(Math.log10(count) - 1e-9));
    }

    /**
     * A percentile axis from 0% to {@code nines} nines, one labelled tick per nine.
     *
     * @param label the axis title, e.g. {@code "Percentile (log scale of nines)"}
     * @param nines 1 to {@link #MAX_NINES}: 3 draws 0% to 99.9%
     */
    public static NumberAxis create(String label, int nines) {
        if (nines < 1 || nines > MAX_NINES) {
            throw new IllegalArgumentException("nines must be 1.." + MAX_NINES + ": " + nines);
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(0, nines);
        axis.setTickUnit(new NumberTickUnit(1.0, new NinesFormat()));
        axis.setMinorTickCount(0);
        return axis;
    }

    /** Formats whole nines as percentiles; anything between them stays unlabelled. */
    private static final class NinesFormat extends NumberFormat {

        @Override
        public StringBuffer format(double x, StringBuffer out, FieldPosition pos) {
            long nines = Math.round(x);
            if (Math.abs(x - nines) < 1e-9 && nines >= 0 && nines <= MAX_NINES) {
                out.append(label((int) nines));
            }
            return out;
        }

        @Override
        public StringBuffer format(long x, StringBuffer out, FieldPosition pos) {
            return format((double) x, out, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("a nines axis label is not parsed back");
        }
    }
}
