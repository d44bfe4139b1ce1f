package io.pushbench.report.compare;

import java.util.List;

/**
 * The result of {@code pushbench history}: every metric's series across the runs of a folder, with
 * significant steps marked. Feeds the plots module's history chart. Read and written by
 * {@link ComparisonJson}.
 *
 * @param schemaVersion version of this JSON layout; {@link ComparisonReport#SCHEMA_VERSION}
 * @param folder the folder the runs were read from
 * @param thresholds the rules steps were decided by
 * @param runs every run read, in history order
 * @param skipped files that were not read, each with the reason
 * @param series one per subject and metric
 */
public record HistoryReport(int schemaVersion, String folder, Thresholds thresholds, List<RunInfo> runs,
                            List<String> skipped, List<MetricSeries> series) {

    public HistoryReport {
        runs = List.copyOf(runs);
        skipped = List.copyOf(skipped);
        series = List.copyOf(series);
    }
}
