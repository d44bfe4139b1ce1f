package io.pushbench.report.compare;

/**
 * Which run one side of a comparison (or one point of a history) came from.
 *
 * @param source the file read, as given on the command line or found under the history folder
 * @param kind {@code load} for a pushbench load report, {@code jmh} for JMH's JSON
 * @param runId the run id (the run folder name when the file carries none)
 * @param commit git commit the run was built from; null when unknown
 * @param dirty whether the working tree had uncommitted changes; null when unknown
 * @param startTime ISO-8601 UTC start time; null when unknown
 * @param repeats how many independent repeats the run holds (load: {@code --repeat K}; JMH: forks × iterations)
 */
public record RunInfo(String source, String kind, String runId, String commit, Boolean dirty, String startTime,
                      int repeats) {
}
