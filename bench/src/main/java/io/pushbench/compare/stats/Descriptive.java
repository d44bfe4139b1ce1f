package io.pushbench.compare.stats;

import java.util.Arrays;

/** Descriptive statistics of one sample: median, mean, standard deviation and coefficient of variation. */
public final class Descriptive {

    private Descriptive() {
    }

    /** The median (mean of the two middle values for an even count); NaN for an empty sample. */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return medianOfSorted(sorted);
    }

    /** The median of values already sorted ascending. */
    static double medianOfSorted(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The arithmetic mean; NaN for an empty sample. */
    public static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The sample standard deviation (n − 1 in the denominator); NaN for fewer than two values. */
    public static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    /**
     * The coefficient of variation in percent: 100 · standard deviation / |mean|; NaN for fewer than
     * two values or a zero mean.
     */
    public static double coefficientOfVariationPercent(double[] values) {
        double mean = mean(values);
        if (values.length < 2 || mean == 0) {
            return Double.NaN;
        }
        return 100 * standardDeviation(values) / Math.abs(mean);
    }
}
