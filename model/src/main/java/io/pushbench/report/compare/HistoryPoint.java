package io.pushbench.report.compare;

import java.util.List;

/**
 * One run's value of one metric in a history, and whether a significant step happened since the
 * previous point (same test and thresholds as {@code compare}).
 *
 * @param runId the run
 * @param commit its git commit; null when unknown
 * @param startTime its ISO-8601 UTC start time; null when unknown
 * @param median the median of the samples, in the series' unit
 * @param samples the per-repeat values
 * @param changePercent change of the median from the previous point, percent; null for the first point or a zero base
 * @param pValue p-value of the step test against the previous point; null when not tested
 * @param step better or worse when a significant step happened here; no significant change; not tested
 *             (single runs of a timing metric); null for the first point
 */
public record HistoryPoint(String runId, String commit, String startTime, double median, List<Double> samples,
                           Double changePercent, Double pValue, Verdict step) {

    public HistoryPoint {
        samples = List.copyOf(samples);
    }

    /** Whether a significant step (better or worse) happened at this point. */
    public boolean marksStep() {
        return step == Verdict.BETTER || step == Verdict.WORSE;
    }
}
