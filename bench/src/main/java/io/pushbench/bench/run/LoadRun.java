package io.pushbench.bench.run;

import io.pushbench.bench.client.ClientEngine;
import io.pushbench.bench.client.ClientEngineConfig;
import io.pushbench.bench.clock.ClockOffsetEstimator;
import io.pushbench.bench.run.servers.ServerTarget;
import io.pushbench.bench.workload.DurationText;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.report.ExternalTarget;
import io.pushbench.report.ReportJson;
import io.pushbench.report.RunConfiguration;
import io.pushbench.report.RunReport;
import io.pushbench.report.StrategyResult;
import io.pushbench.report.SweepSpec;
import io.pushbench.report.Validity;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A whole load run: every strategy (per sweep point, per repeat) measured on its own against a fresh server, one
 * after another, into one report ({@code report.json}) and one interval log per result, in the run folder.
 *
 * <p>Typical use:
 * <pre>{@code
 * LoadRun.Outcome outcome = new LoadRun(settings, target, null, Path.of("results"), null, commandLine, progress).execute();
 * System.exit(outcome.exitCode());
 * }</pre>
 */
public final class LoadRun {

    /** Exit code of a run whose report says it is invalid or saturated. */
    public static final int EXIT_INVALID = 3;

    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final RunSettings settings;
    private final ServerTarget target;
    private final ExternalTarget externalTarget;
    private final Path resultsFolder;
    private final Path outFolder;
    private final List<String> commandLine;
    private final RunProgress progress;
    private io.pushbench.bench.clock.ClockProbe clockProbe;
    private io.pushbench.bench.shard.ShardPlan shard;
    private boolean deliveryLog;

    /**
     * @param externalTarget the external target for the report, or null
     * @param resultsFolder  where {@code <run-id>/} is created when {@code outFolder} is null
     * @param outFolder      the run folder to use as is, or null
     */
    public LoadRun(RunSettings settings, ServerTarget target, ExternalTarget externalTarget, Path resultsFolder,
                   Path outFolder, List<String> commandLine, RunProgress progress) {
        this.settings = settings;
        this.target = target;
        this.externalTarget = externalTarget;
        this.resultsFolder = resultsFolder;
        this.outFolder = outFolder;
        this.commandLine = List.copyOf(commandLine);
        this.progress = progress;
    }

    /**
     * How the server's clock is read ({@code --clock-probe}); by default the endpoint for pushbench's own servers
     * and the Date header for external ones.
     */
    public LoadRun clockProbe(io.pushbench.bench.clock.ClockProbe probe) {
        this.clockProbe = probe;
        return this;
    }

    /** Also writes every window delivery's latency, µs, to {@code <result>.deliveries.txt} in the run folder. */
    public LoadRun deliveryLog(boolean on) {
        this.deliveryLog = on;
        return this;
    }

    /**
     * Makes this run one shard of a sharded run ({@code --shard K/N}): one strategy, one measurement, this shard's
     * clients only; the report says which shard it is, for {@code pushbench merge}.
     */
    public LoadRun shard(io.pushbench.bench.shard.ShardPlan plan) {
        if (settings.plan().size() != 1) {
            throw new IllegalArgumentException("a shard runs one measurement: give one strategy, no --sweep and no "
                    + "--repeat (got " + settings.plan().size() + " strategy runs)");
        }
        this.shard = plan;
        return this;
    }

    /**
     * What a run produced.
     *
     * @param report     the report
     * @param reportFile where it was written
     * @param exitCode   0 valid, {@link #EXIT_INVALID} invalid or saturated
     * @param countChecks per result, the exact client-versus-server count check (a validity condition)
     */
    public record Outcome(RunReport report, Path reportFile, int exitCode, List<CountCheck> countChecks) {
    }

    /** A new run id: UTC start time and a random suffix, e.g. {@code 20261125T154500Z-3f2a}. */
    public static String newRunId(Instant start) {
        return RUN_ID_TIME.format(start) + "-" + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }

    /**
     * Runs every planned strategy run and writes the report.
     *
     * @throws IOException when the run folder or report cannot be written, or a server cannot be started
     */
    public Outcome execute() throws Exception {
        Instant startTime = Instant.now();
        String runId = newRunId(startTime);
        Path folder = outFolder != null ? outFolder : resultsFolder.resolve(runId);
        java.nio.file.Files.createDirectories(folder);
        target.runStarts(runId);
        List<StrategyResult> results = new ArrayList<>();
        List<CountCheck> checks = new ArrayList<>();
        String transport;
        ClockOffsetEstimator clock = new ClockOffsetEstimator();
        try (ClientEngine engine = new ClientEngine(new ClientEngineConfig(settings.clientThreads(),
                settings.sourceAddresses(), true))) {
            transport = engine.transportName();
            io.pushbench.bench.clock.ClockProbe probe = clockProbe != null ? clockProbe
                    : io.pushbench.bench.clock.ClockProbe.defaultFor(target.mode());
            StrategyRunner runner = new StrategyRunner(engine, target, settings, folder, progress, clock, probe).shard(shard).deliveryLog(deliveryLog);
            for (RunPoint point : settings.plan()) {
                StrategyRunner.Outcome outcome = runner.run(point);
                results.add(outcome.result());
                checks.add(outcome.countCheck());
                progress.finished(outcome.result());
            }
        }
        List<String> reasons = new ArrayList<>();
        io.pushbench.report.RunVerdict verdict = io.pushbench.report.RunVerdict.VALID;
        for (StrategyResult r : results) {
            verdict = verdict.worse(r.validity().verdict());
            for (String reason : r.validity().reasons()) {
                reasons.add(r.strategy().label() + (r.sweepValue() == null ? "" : " " + r.sweepParameter() + "=" + r.sweepValue())
                        + (settings.repeats() > 1 ? " #" + r.repeatIndex() : "") + ": " + reason);
            }
        }
        RunReport report = new RunReport(ReportJson.SCHEMA_VERSION, runId, startTime.toString(), version(), commandLine,
                EnvironmentProbe.probe(Path.of("").toAbsolutePath(), transport, clock.estimate(clockProbe == io.pushbench.bench.clock.ClockProbe.OFF
                        ? "--clock-probe=off: no clock exchange was made" : "no clock exchange was made")),
                configuration(), results, Validity.of(verdict, reasons), sharding(checks));
        Path file = folder.resolve(ReportJson.FILE_NAME);
        ReportJson.write(report, file);
        return new Outcome(report, file, report.validity().valid() ? 0 : EXIT_INVALID, checks);
    }

    private io.pushbench.report.Sharding sharding(List<CountCheck> checks) {
        if (shard == null) {
            return null;
        }
        io.pushbench.report.ExactCounts counts = checks.get(0).exactCounts();
        return new io.pushbench.report.Sharding(io.pushbench.report.Sharding.SHARD, shard.spec().count(),
                shard.agreedStart() == null ? null : shard.agreedStart().toString(), shard.spec().index(),
                shard.publishes(), counts, List.of(), null);
    }

    private RunConfiguration configuration() {
        WorkloadParameters w = settings.workload();
        List<String> strategies = settings.strategies().stream().map(Strategy::label).toList();
        return new RunConfiguration(strategies, settings.preset(), w.clients(), w.topics().label(),
                w.publishRatePerSec(), w.arrivals().label(), w.payloadBytes(), w.pollInterval().toMillis(),
                w.longPollHold().toMillis(), w.rampUpPerSec(), w.warmup().toMillis(), w.duration().toMillis(), w.seed(),
                settings.sweep() == null ? null : new SweepSpec(settings.sweep().parameter().label(), settings.sweep().values()),
                settings.repeats(), target.mode(), externalTarget, settings.maxPublisherLagMicros(),
                settings.maxLoaderStallMicros(), settings.sourceAddresses(), settings.wsDeflate(), target.serverOptions(),
                settings.clientHeaders().describe(), target.network());
    }

    private static String version() {
        String v = LoadRun.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    /** A duration for messages: {@code 2m}, {@code 500ms}. */
    static String text(java.time.Duration d) {
        return DurationText.format(d);
    }
}
