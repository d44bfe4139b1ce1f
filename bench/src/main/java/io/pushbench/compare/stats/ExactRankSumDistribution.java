package io.pushbench.compare.stats;

/**
 * The exact permutation distribution of a rank sum: under the null hypothesis every way of choosing
 * which {@code n1} of the {@code N} pooled (mid-)ranks belong to the first sample is equally likely.
 *
 * <p>Counted by dynamic programming over the doubled ranks (see {@link MidRanks}), so it is exact with
 * ties too, not only for distinct values: {@code ways[k][s]} is the number of k-subsets of the ranks
 * seen so far whose doubled sum is s. Cost is O(N · n1 · N²) time, fine for the sizes benchmarks have.
 */
final class ExactRankSumDistribution {

    /** Largest pooled size counted exactly: C(60, 30) ≈ 1.2e17 still fits a {@code long}. */
    static final int MAX_POOLED_SIZE = 60;

    private final long[] waysBySum;
    private final double total;

    private ExactRankSumDistribution(long[] waysBySum) {
        this.waysBySum = waysBySum;
        long sum = 0;
        for (long w : waysBySum) {
            sum += w;
        }
        this.total = sum;
    }

    /**
     * Counts the distribution of twice the rank sum of an {@code n1}-subset of the given doubled ranks.
     *
     * @param doubledRanks twice the mid-rank of every pooled value; at most {@link #MAX_POOLED_SIZE}
     * @param n1 size of the first sample, 1..doubledRanks.length
     */
    static ExactRankSumDistribution of(int[] doubledRanks, int n1) {
        int n = doubledRanks.length;
        if (n > MAX_POOLED_SIZE) {
            throw new IllegalArgumentException("exact distribution limited to " + MAX_POOLED_SIZE + " values, got " + n);
        }
        if (n1 < 1 || n1 > n) {
            throw new IllegalArgumentException("first sample size " + n1 + " outside 1.." + n);
        }
        int maxSum = 0;
        for (int r : doubledRanks) {
            maxSum += r;
        }
        long[][] ways = new long[n1 + 1][maxSum + 1];
        ways[0][0] = 1;
        int seenSum = 0;
        for (int i = 0; i < n; i++) {
            int r = doubledRanks[i];
            seenSum += r;
            // go downwards in k so that each rank is used at most once
            for (int k = Math.min(i + 1, n1); k >= 1; k--) {
                long[] into = ways[k];
                long[] from = ways[k - 1];
                for (int s = seenSum; s >= r; s--) {
                    into[s] += from[s - r];
                }
            }
        }
        return new ExactRankSumDistribution(ways[n1]);
    }

    /** The exact distribution of U for samples of sizes n1 and n2 without ties (ranks 1..n1+n2). */
    static ExactRankSumDistribution withoutTies(int n1, int n2) {
        int[] doubled = new int[n1 + n2];
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] = 2 * (i + 1);
        }
        return of(doubled, n1);
    }

    /** P(2·R ≤ doubledSum) under the null hypothesis. */
    double probabilityAtMost(long doubledSum) {
        if (doubledSum < 0) {
            return 0;
        }
        long ways = 0;
        for (int s = 0; s <= Math.min(doubledSum, waysBySum.length - 1); s++) {
            ways += waysBySum[s];
        }
        return ways / total;
    }

    /** P(2·R ≥ doubledSum) under the null hypothesis. */
    double probabilityAtLeast(long doubledSum) {
        long ways = 0;
        for (long s = Math.max(0, doubledSum); s < waysBySum.length; s++) {
            ways += waysBySum[(int) s];
        }
        return ways / total;
    }
}
