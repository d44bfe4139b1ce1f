package io.pushbench.compare.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Ranks of a pooled sample, tied values sharing the mean of the ranks they span (mid-ranks), and the
 * sizes of the tie groups, which the variance of a rank statistic needs.
 *
 * <p>Ranks are kept doubled ({@code 2 × rank}) so that every mid-rank is an integer: a group of tied
 * values spanning ranks 3 and 4 gets doubled rank 7. That lets the exact null distribution be counted
 * over integer sums.
 *
 * <p>Typical use: {@code MidRanks r = MidRanks.of(pooled); long twiceR1 = r.doubledRankSum(0, n1);}
 */
final class MidRanks {

    private final int[] doubledRanks;
    private final double tieSum;

    private MidRanks(int[] doubledRanks, double tieSum) {
        this.doubledRanks = doubledRanks;
        this.tieSum = tieSum;
    }

    /**
     * Ranks the pooled values in ascending order.
     *
     * @param pooled the values of all samples one after another; finite numbers only
     * @throws IllegalArgumentException when a value is NaN or infinite
     */
    static MidRanks of(double[] pooled) {
        int n = pooled.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(pooled[i])) {
                throw new IllegalArgumentException("sample value " + pooled[i] + " is not a finite number");
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> pooled[i]));
        int[] doubled = new int[n];
        double tieSum = 0;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && pooled[order[end + 1]] == pooled[order[start]]) {
                end++;
            }
            // ranks start+1 .. end+1 (1-based); their mean doubled is (start+1)+(end+1)
            int doubledMidRank = start + end + 2;
            for (int k = start; k <= end; k++) {
                doubled[order[k]] = doubledMidRank;
            }
            double t = end - start + 1;
            tieSum += t * t * t - t;
            start = end + 1;
        }
        return new MidRanks(doubled, tieSum);
    }

    /** Twice the mid-rank of each pooled value, in the order the values were given. */
    int[] doubledRanks() {
        return doubledRanks.clone();
    }

    /** Twice the sum of the ranks of the pooled values at indexes {@code from} (inclusive) to {@code to} (exclusive). */
    long doubledRankSum(int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += doubledRanks[i];
        }
        return sum;
    }

    /** Σ (t³ − t) over the tie groups (t = group size); 0 when all values differ. */
    double tieSum() {
        return tieSum;
    }

    /** Whether any two pooled values are equal. */
    boolean hasTies() {
        return tieSum > 0;
    }
}
