package io.pushbench.report.claims;

import io.pushbench.report.Environment;

import java.util.List;

/**
 * One {@code pushbench claims} run.
 *
 * @param schemaVersion    {@link ClaimsJson#SCHEMA_VERSION} when written
 * @param runId            the run folder's name, e.g. {@code claims-20261203T091500Z-3f2a}
 * @param startTimeUtc     ISO-8601 UTC
 * @param pushbenchVersion the jar's version
 * @param commandLine      the arguments of {@code pushbench claims}, as typed
 * @param profile          {@code quick} or {@code full}
 * @param environment      git, host, JVM (as in {@code report.json})
 * @param server           {@code embedded}, {@code fork} or {@code external}
 * @param network          the emulated network of the round-trip experiments: what ran and what it models
 * @param wallSeconds      the whole run's wall time, s
 * @param claims           one verdict per claim, in claim order
 */
public record ClaimsReport(int schemaVersion, String runId, String startTimeUtc, String pushbenchVersion,
                           List<String> commandLine, String profile, Environment environment, String server,
                           io.pushbench.report.NetworkCondition network, double wallSeconds, List<ClaimVerdict> claims) {

    public ClaimsReport {
        commandLine = List.copyOf(commandLine);
        claims = List.copyOf(claims);
    }
}
