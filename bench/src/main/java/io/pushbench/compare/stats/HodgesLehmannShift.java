package io.pushbench.compare.stats;

import java.util.Arrays;

/**
 * The Hodges–Lehmann estimate of the shift between two samples — the median of all pairwise
 * differences {@code y[j] − x[i]} — with its distribution-free confidence interval (Moses), the
 * interval that goes with the Mann–Whitney test.
 *
 * <p>The interval is [D(k), D(mn+1−k)] over the m·n sorted differences D, where k is the largest
 * integer with P(U ≤ k−1) ≤ α/2 under the null distribution of U without ties (exact up to
 * {@link ExactRankSumDistribution#MAX_POOLED_SIZE} pooled values, from the normal approximation
 * beyond). Its true coverage is 1 − 2·P(U ≤ k−1) ≥ 1 − α, reported as {@code achievedConfidence}.
 * When the samples are too small for the requested confidence (5 vs 5 reaches at most 99.2%), the
 * interval is absent.
 *
 * <p>Typical use: {@code Shift s = HodgesLehmannShift.estimate(base, candidate, 0.95);} then
 * {@code s.estimate()} is how much larger the candidate is, in the samples' unit.
 */
public final class HodgesLehmannShift {

    private HodgesLehmannShift() {
    }

    /**
     * Estimates the shift of y relative to x.
     *
     * @param x the reference sample (base), at least one finite value
     * @param y the shifted sample (candidate), at least one finite value
     * @param confidence the interval's confidence level, strictly between 0 and 1 (e.g. 0.95)
     */
    public static Shift estimate(double[] x, double[] y, double confidence) {
        if (x.length == 0 || y.length == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " outside (0, 1)");
        }
        int m = x.length;
        int n = y.length;
        double[] differences = new double[m * n];
        int k = 0;
        for (double xi : x) {
            for (double yj : y) {
                differences[k++] = yj - xi;
            }
        }
        Arrays.sort(differences);
        double median = Descriptive.medianOfSorted(differences);
        double alpha = 1 - confidence;
        ExactRankSumDistribution noTies = m + n <= ExactRankSumDistribution.MAX_POOLED_SIZE
                ? ExactRankSumDistribution.withoutTies(m, n) : null;
        int rank = lowerOrderStatisticRank(m, n, alpha, noTies);
        if (rank < 1) {
            return new Shift(median, Double.NaN, Double.NaN, Double.NaN);
        }
        double achieved = noTies != null
                ? 1 - 2 * uTailAtMost(noTies, m, rank - 1)
                : 1 - 2 * StandardNormal.cdf((rank - 0.5 - m * (double) n / 2) / Math.sqrt(m * (double) n * (m + n + 1) / 12));
        return new Shift(median, differences[rank - 1], differences[m * n - rank], achieved);
    }

    /** The largest k with P(U ≤ k−1) ≤ α/2; 0 when even P(U ≤ 0) exceeds α/2. */
    private static int lowerOrderStatisticRank(int m, int n, double alpha, ExactRankSumDistribution noTies) {
        if (noTies != null) {
            int k = 0;
            while (k < m * n && uTailAtMost(noTies, m, k) <= alpha / 2) {
                k++;
            }
            return k;
        }
        double z = StandardNormal.quantile(1 - alpha / 2);
        double c = m * (double) n / 2 - z * Math.sqrt(m * (double) n * (m + n + 1) / 12);
        return Math.max(0, (int) Math.floor(c));
    }

    /** P(U ≤ u) from the exact no-ties distribution of the first sample (size m). */
    private static double uTailAtMost(ExactRankSumDistribution noTies, int m, int u) {
        // 2R = 2U + m(m+1)
        return noTies.probabilityAtMost(2L * u + (long) m * (m + 1));
    }

    /**
     * A shift estimate in the samples' unit.
     *
     * @param estimate median of the pairwise differences y − x
     * @param lower lower end of the confidence interval; NaN when the samples are too small
     * @param upper upper end of the confidence interval; NaN when the samples are too small
     * @param achievedConfidence the interval's true coverage (≥ the requested one); NaN without interval
     */
    public record Shift(double estimate, double lower, double upper, double achievedConfidence) {

        /** Whether the samples were large enough for an interval. */
        public boolean hasInterval() {
            return !Double.isNaN(lower);
        }
    }
}
