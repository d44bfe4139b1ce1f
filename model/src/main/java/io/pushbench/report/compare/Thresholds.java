package io.pushbench.report.compare;

import java.util.List;

/**
 * The rules a comparison was decided by.
 *
 * @param alpha significance level of the two-sided test, e.g. 0.05; a change needs p &lt; alpha
 * @param minEffectPercent smallest relative change of a timing metric that counts, in percent (e.g. 5)
 * @param minCountEffectPercent smallest relative change of an exact-count metric that counts, in percent (e.g. 1)
 * @param gatedMetrics metric id patterns ({@code *} matches any text) whose getting worse fails the comparison
 */
public record Thresholds(double alpha, double minEffectPercent, double minCountEffectPercent, List<String> gatedMetrics) {

    public Thresholds {
        gatedMetrics = List.copyOf(gatedMetrics);
    }

    /** The confidence level of the shift intervals: 1 − alpha. */
    public double confidence() {
        return 1 - alpha;
    }
}
