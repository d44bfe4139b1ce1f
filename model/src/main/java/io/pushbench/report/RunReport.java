package io.pushbench.report;

import io.pushbench.model.Strategy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One load run: its identity, the environment it ran in, its full configuration, and one
 * {@link StrategyResult} per strategy, sweep point and repeat.
 *
 * @param schemaVersion the schema version this report follows ({@link ReportJson#SCHEMA_VERSION} when written)
 * @param runId         the run folder name: UTC start time and a random suffix, e.g. {@code 20261125T154500Z-3f2a}
 * @param startTimeUtc  when the run started, ISO-8601 in UTC, e.g. {@code 2026-11-25T15:45:00.123Z}
 * @param pushbenchVersion the version of the pushbench jar that ran
 * @param commandLine   the arguments given to {@code pushbench run}, as typed
 * @param environment   git commit, host, JVM, Netty transport and clock of the run
 * @param configuration every workload and target parameter, after presets and defaults were applied
 * @param results       results in run order: strategies in the order given, per sweep point, per repeat
 * @param validity      the run's verdict: valid only when every result is valid
 * @param sharding      how the report relates to a sharded run (a shard's own, or merged); null for an ordinary run
 *                      and in reports before schema version 4
 */
public record RunReport(
        int schemaVersion,
        String runId,
        String startTimeUtc,
        String pushbenchVersion,
        List<String> commandLine,
        Environment environment,
        RunConfiguration configuration,
        List<StrategyResult> results,
        Validity validity,
        Sharding sharding) {

    /** A report of an ordinary (unsharded) run. */
    public RunReport(int schemaVersion, String runId, String startTimeUtc, String pushbenchVersion, List<String> commandLine,
                     Environment environment, RunConfiguration configuration, List<StrategyResult> results,
                     Validity validity) {
        this(schemaVersion, runId, startTimeUtc, pushbenchVersion, commandLine, environment, configuration, results,
                validity, null);
    }

    public RunReport {
        commandLine = List.copyOf(commandLine);
        results = List.copyOf(results);
    }

    /** The results of one strategy, in run order (sweep points, then repeats). */
    public List<StrategyResult> resultsFor(Strategy strategy) {
        return results.stream().filter(r -> r.strategy() == strategy).collect(Collectors.toList());
    }
}
