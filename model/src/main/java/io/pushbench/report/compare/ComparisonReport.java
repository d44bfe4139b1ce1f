package io.pushbench.report.compare;

import java.util.List;

/**
 * The result of {@code pushbench compare BASE CANDIDATE}: every metric of every subject both runs
 * have, with its verdict, and the outcome that decides the exit code. Read and written by
 * {@link ComparisonJson}; documented in {@code docs/compare.md}.
 *
 * @param schemaVersion version of this JSON layout; {@link #SCHEMA_VERSION} when written by this code
 * @param kind {@code load} or {@code jmh}
 * @param base the base run
 * @param candidate the candidate run
 * @param thresholds the rules the verdicts were decided by
 * @param configurationDifferences settings that differ; a non-empty list refuses the comparison unless forced
 * @param forced whether the comparison went ahead despite configuration differences ({@code --force})
 * @param environmentDifferences host, JVM or transport differences: compared anyway, with a warning
 * @param warnings other things a reader must know, e.g. a repeat marked invalid in its report
 * @param metrics one entry per subject and metric both runs have, in a stable order
 * @param onlyInBase subjects or metrics the candidate lacks, e.g. {@code sse latency.p99}
 * @param onlyInCandidate subjects or metrics the base lacks
 * @param outcome pass, regression or refused
 * @param regressions one readable line per gated metric that got significantly worse
 */
public record ComparisonReport(
        int schemaVersion,
        String kind,
        RunInfo base,
        RunInfo candidate,
        Thresholds thresholds,
        List<Difference> configurationDifferences,
        boolean forced,
        List<Difference> environmentDifferences,
        List<String> warnings,
        List<MetricComparison> metrics,
        List<String> onlyInBase,
        List<String> onlyInCandidate,
        Outcome outcome,
        List<String> regressions) {

    /** The layout version this code writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public ComparisonReport {
        configurationDifferences = List.copyOf(configurationDifferences);
        environmentDifferences = List.copyOf(environmentDifferences);
        warnings = List.copyOf(warnings);
        metrics = List.copyOf(metrics);
        onlyInBase = List.copyOf(onlyInBase);
        onlyInCandidate = List.copyOf(onlyInCandidate);
        regressions = List.copyOf(regressions);
    }
}
