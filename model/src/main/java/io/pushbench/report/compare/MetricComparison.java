package io.pushbench.report.compare;

import java.util.List;
import java.util.Map;

/**
 * One metric of one subject compared between base and candidate.
 *
 * <p>The samples are the per-repeat values (load reports: one per {@code --repeat}; JMH: one per
 * measurement iteration of every fork). Relative figures are in percent of the base median and are
 * null when the base median is 0.
 *
 * @param subject what was measured, for people: {@code ws}, {@code ws [clients=1000]},
 *                {@code SseEventEncoderBenchmark.encode [payloadBytes=64]}
 * @param strategy the strategy label ({@code poll}, {@code long-poll}, {@code sse}, {@code ws}); null when none
 * @param parameters the sweep point or JMH parameters identifying the subject; empty when none
 * @param metric the metric id, e.g. {@code latency.p99}, {@code bytes.down.per-msg}, {@code score}
 * @param unit the unit of every value of this record, e.g. {@code us}, {@code B/msg}, {@code ns/op}
 * @param betterWhen which way is better
 * @param kind exact count or timing
 * @param gated whether getting worse here fails the comparison
 * @param baseSamples the base's values, one per repeat
 * @param candidateSamples the candidate's values, one per repeat
 * @param baseMedian median of the base samples
 * @param candidateMedian median of the candidate samples
 * @param baseCvPercent coefficient of variation of the base samples, percent; null with fewer than 2
 * @param candidateCvPercent coefficient of variation of the candidate samples, percent; null with fewer than 2
 * @param changePercent (candidate median − base median) / base median, percent
 * @param shift Hodges–Lehmann estimate of candidate − base, in {@code unit}; null when not tested
 * @param shiftLower lower end of the shift's confidence interval; null when unavailable
 * @param shiftUpper upper end of the shift's confidence interval; null when unavailable
 * @param shiftConfidence the interval's achieved confidence level, e.g. 0.968; null when unavailable
 * @param shiftPercent the shift relative to the base median, percent; the effect size the minimum applies to
 * @param pValue two-sided p-value of the Mann–Whitney U test; null when not tested
 * @param test how the verdict was reached, e.g. {@code Mann-Whitney U, exact} or {@code exact count, single run}
 * @param verdict better, worse, no significant change or not tested
 * @param reason one line saying why, e.g. {@code p = 0.0079 < 0.05 and +21.0% >= 5%}
 */
public record MetricComparison(
        String subject,
        String strategy,
        Map<String, String> parameters,
        String metric,
        String unit,
        BetterWhen betterWhen,
        MetricKind kind,
        boolean gated,
        List<Double> baseSamples,
        List<Double> candidateSamples,
        double baseMedian,
        double candidateMedian,
        Double baseCvPercent,
        Double candidateCvPercent,
        Double changePercent,
        Double shift,
        Double shiftLower,
        Double shiftUpper,
        Double shiftConfidence,
        Double shiftPercent,
        Double pValue,
        String test,
        Verdict verdict,
        String reason) {

    public MetricComparison {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        baseSamples = List.copyOf(baseSamples);
        candidateSamples = List.copyOf(candidateSamples);
    }

    /** Whether this metric is gated and got significantly worse: what makes a comparison fail. */
    public boolean failsGate() {
        return gated && verdict == Verdict.WORSE;
    }
}
