package io.pushbench.report.jmh;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * One metric of a JMH result, as JMH writes it ({@code -rf json}): the primary metric (the benchmark's
 * time or throughput) or a secondary one ({@code @AuxCounters}, profilers).
 *
 * @param score            the score, in {@code scoreUnit}
 * @param scoreError       half-width of the 99.9% confidence interval, in {@code scoreUnit};
 *                         {@code NaN} when JMH had too few samples to compute one
 * @param scoreConfidence  {@code [lower, upper]} of that interval
 * @param scorePercentiles percentile ({@code "50.0"}, {@code "99.9"}) to score, over all samples
 * @param scoreUnit        e.g. {@code ns/op}, {@code ops/s}, {@code #} (a counter), {@code B/op}
 * @param rawData          per fork, the score of each measurement iteration (empty in sample-time mode)
 * @param rawDataHistogram sample-time mode only: per fork, per measurement iteration, the sampled
 *                         times as {@code [value, count]} pairs in {@code scoreUnit}; empty otherwise
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JmhMetric(
        double score,
        double scoreError,
        List<Double> scoreConfidence,
        Map<String, Double> scorePercentiles,
        String scoreUnit,
        List<List<Double>> rawData,
        List<List<List<List<Double>>>> rawDataHistogram) {

    public JmhMetric {
        scoreConfidence = scoreConfidence == null ? List.of() : List.copyOf(scoreConfidence);
        scorePercentiles = scorePercentiles == null ? Map.of() : Map.copyOf(scorePercentiles);
        rawData = rawData == null ? List.of() : rawData.stream().map(List::copyOf).toList();
        rawDataHistogram = rawDataHistogram == null ? List.of() : List.copyOf(rawDataHistogram);
    }

    /** The error, or 0 when JMH gave none ({@code NaN}): for drawing, never for deciding. */
    public double scoreErrorOrZero() {
        return Double.isNaN(scoreError) ? 0 : scoreError;
    }
}
