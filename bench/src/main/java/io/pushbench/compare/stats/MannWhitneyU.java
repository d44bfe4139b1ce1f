package io.pushbench.compare.stats;

/**
 * The two-sided Mann–Whitney U test (Wilcoxon rank-sum test) of whether one sample tends to have
 * larger values than another, without assuming any distribution.
 *
 * <p>The p-value is exact (the permutation distribution of the rank sum, counted with the actual
 * mid-ranks, so ties are handled exactly too) while the pooled size is at most
 * {@link #exactLimit}; beyond that the normal approximation with tie-corrected variance and a
 * continuity correction of ½ is used, as in scipy's {@code mannwhitneyu(method="asymptotic")}.
 * Two-sided p = min(1, 2 · min(P(U ≤ u), P(U ≥ u))).
 *
 * <p>The smallest p two samples of sizes m and n can ever reach is 2 / C(m+n, m): 0.333 for 2 vs 2,
 * 0.1 for 3 vs 3, 0.0286 for 4 vs 4, 0.00794 for 5 vs 5. {@link #smallestPossiblePValue} says it so a
 * caller can refuse to call a comparison "tested" when it cannot reach its significance level.
 *
 * <p>Typical use: {@code MannWhitneyResult r = MannWhitneyU.test(base, candidate); if (r.pValue() < 0.05) ...}
 */
public final class MannWhitneyU {

    /** Pooled sizes up to this are tested exactly; see {@link ExactRankSumDistribution#MAX_POOLED_SIZE}. */
    public static final int DEFAULT_EXACT_LIMIT = ExactRankSumDistribution.MAX_POOLED_SIZE;

    private MannWhitneyU() {
    }

    /** Tests x against y, exactly when x.length + y.length ≤ {@link #DEFAULT_EXACT_LIMIT}. */
    public static MannWhitneyResult test(double[] x, double[] y) {
        return test(x, y, DEFAULT_EXACT_LIMIT);
    }

    /**
     * Tests x against y.
     *
     * @param x first sample, at least one finite value
     * @param y second sample, at least one finite value
     * @param exactLimit largest pooled size tested exactly, 0..{@link ExactRankSumDistribution#MAX_POOLED_SIZE};
     *                   0 = always the normal approximation
     */
    public static MannWhitneyResult test(double[] x, double[] y, int exactLimit) {
        if (x.length == 0 || y.length == 0) {
            throw new IllegalArgumentException("both samples need at least one value (got " + x.length + " and " + y.length + ")");
        }
        if (exactLimit < 0 || exactLimit > ExactRankSumDistribution.MAX_POOLED_SIZE) {
            throw new IllegalArgumentException("exact limit " + exactLimit + " outside 0.." + ExactRankSumDistribution.MAX_POOLED_SIZE);
        }
        int n1 = x.length;
        int n2 = y.length;
        int n = n1 + n2;
        double[] pooled = new double[n];
        System.arraycopy(x, 0, pooled, 0, n1);
        System.arraycopy(y, 0, pooled, n1, n2);
        MidRanks ranks = MidRanks.of(pooled);
        long doubledR1 = ranks.doubledRankSum(0, n1);
        double u1 = doubledR1 / 2.0 - n1 * (n1 + 1) / 2.0;
        if (n <= exactLimit) {
            ExactRankSumDistribution null0 = ExactRankSumDistribution.of(ranks.doubledRanks(), n1);
            double lower = null0.probabilityAtMost(doubledR1);
            double upper = null0.probabilityAtLeast(doubledR1);
            double p = Math.min(1, 2 * Math.min(lower, upper));
            return new MannWhitneyResult(u1, n1, n2, p, ranks.hasTies() ? Method.EXACT_WITH_TIES : Method.EXACT);
        }
        double mean = n1 * (double) n2 / 2;
        double variance = n1 * (double) n2 / 12 * ((n + 1) - ranks.tieSum() / ((double) n * (n - 1)));
        if (variance <= 0) {
            // every pooled value equal: nothing distinguishes the samples
            return new MannWhitneyResult(u1, n1, n2, 1, Method.NORMAL_APPROXIMATION);
        }
        double uFar = Math.max(u1, n1 * (double) n2 - u1);
        double z = (uFar - mean - 0.5) / Math.sqrt(variance);
        double p = Math.min(1, 2 * StandardNormal.upperTail(z));
        return new MannWhitneyResult(u1, n1, n2, p, Method.NORMAL_APPROXIMATION);
    }

    /** 2 / C(m+n, m): the two-sided p of complete separation, the smallest any data can give. */
    public static double smallestPossiblePValue(int m, int n) {
        double combinations = 1;
        for (int i = 1; i <= Math.min(m, n); i++) {
            combinations = combinations * (m + n - Math.min(m, n) + i) / i;
        }
        return Math.min(1, 2 / combinations);
    }

    /** How a p-value was computed. */
    public enum Method {
        EXACT("exact"),
        EXACT_WITH_TIES("exact, ties"),
        NORMAL_APPROXIMATION("normal approx.");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The outcome of one test.
     *
     * @param u1 U of the first sample: the number of (x, y) pairs with x &gt; y, ties counting ½; 0..n1·n2
     * @param n1 size of the first sample
     * @param n2 size of the second sample
     * @param pValue two-sided p-value, 0..1
     * @param method how the p-value was computed
     */
    public record MannWhitneyResult(double u1, int n1, int n2, double pValue, Method method) {
    }
}
