package io.pushbench.bench.jmh.run;

import io.pushbench.bench.client.ClientEngine;
import io.pushbench.bench.client.ClientEngineConfig;
import io.pushbench.bench.jmh.counters.PerOpProfiler;
import io.pushbench.bench.run.EnvironmentProbe;
import io.pushbench.bench.run.LoadRun;
import io.pushbench.report.ClockInfo;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code pushbench jmh}: runs pushbench's JMH benchmarks with a profile and writes JMH's own JSON
 * ({@code -rf json}) to {@code <out>/jmh.json}, with the run's provenance in {@code <out>/run-metadata.json}.
 *
 * <p>Forks run from this JVM's class path, so the command works from {@code pushbench.jar} and from
 * {@code benchmarks.jar} alike.
 */
@Command(name = "jmh", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {
                "Runs pushbench's JMH benchmarks (all, or those matching REGEX) with a profile and writes JMH's JSON "
                        + "to <out>/jmh.json, with commit, host and JVM in <out>/run-metadata.json.",
                "Per-operation counters (wireBytesPerOp, appBytesDownPerOp, requestsPerOp, ...) are always added."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every selected benchmark ran",
                "2:bad usage (unknown option, profile or parameter syntax)",
                "3:invalid run: no benchmark matched, or a benchmark failed"})
public final class JmhCommand implements Callable<Integer> {
    /** Exit code: every selected benchmark ran. */
    public static final int EXIT_OK = 0;
    /** Exit code: no benchmark matched, or one failed. */
    public static final int EXIT_INVALID_RUN = 3;
    /** JMH's JSON result, in the run folder. */
    static final String RESULT_FILE = "jmh.json";
    /** The package every pushbench benchmark lives in; the default selection. */
    static final String ALL_BENCHMARKS = "io\\.pushbench\\.bench\\.jmh\\..*";

    @Option(names = "--profile", paramLabel = "quick|full|heavy", converter = ProfileConverter.class,
            description = "quick: smoke run in seconds; full: real measurements; heavy: full plus fan-out to 5,000 clients.")
    JmhProfile profile = JmhProfile.FULL;

    @Parameters(paramLabel = "REGEX", arity = "0..*",
            description = "Benchmarks to run, as JMH regexes over the class and method name (e.g. Encoder, FanOutBenchmark). Default: all.")
    List<String> includes = new ArrayList<>();

    @Option(names = "-p", paramLabel = "NAME=V1,V2", mapFallbackValue = "",
            description = "Overrides a @Param, as JMH's -p (e.g. -p strategy=WEBSOCKET -p payloadBytes=64).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--prof", paramLabel = "PROFILER", description = "An extra JMH profiler, as JMH's -prof (e.g. gc).")
    List<String> profilers = new ArrayList<>();

    @Option(names = "--forks", paramLabel = "N", description = "Overrides the profile's fork count (0 = run in this JVM).")
    Integer forks;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder. Default: results/<run-id>/ under the current directory.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Instant start = Instant.now();
        Path runFolder = out != null ? out : Path.of("results", LoadRun.newRunId(start));
        Files.createDirectories(runFolder);
        Path jsonFile = runFolder.resolve(RESULT_FILE);
        List<String> selected = includes.isEmpty() ? List.of(ALL_BENCHMARKS) : includes;
        new JmhRunMetadata(JmhRunMetadata.SCHEMA_VERSION, "jmh", runFolder.getFileName().toString(), start.toString(),
                spec.commandLine().getParseResult().originalArgs(), profile.label(), selected, params, RESULT_FILE,
                EnvironmentProbe.probe(Path.of("."), nettyTransport(), ClockInfo.sharedMonotonic()))
                .writeTo(runFolder);
        ChainedOptionsBuilder options = options(selected, jsonFile);
        PrintWriter err = spec.commandLine().getErr();
        try {
            Collection<RunResult> results = new Runner(options.build()).run();
            spec.commandLine().getOut().printf("%n%d benchmark result(s) written to %s%n", results.size(), jsonFile);
            return EXIT_OK;
        } catch (NoBenchmarksException e) {
            err.println("no benchmark matches " + includes + "; list them with: java -jar bench/target/benchmarks.jar -l");
            return EXIT_INVALID_RUN;
        } catch (RunnerException e) {
            err.println("benchmark run failed: " + e.getMessage());
            return EXIT_INVALID_RUN;
        }
    }

    /** JMH options: the profile, the command line's overrides, per-op counters, JSON into {@code jsonFile}. */
    private ChainedOptionsBuilder options(List<String> selected, Path jsonFile) {
        Map<String, String[]> paramOverrides = new LinkedHashMap<>();
        params.forEach((name, values) -> paramOverrides.put(name, values.split(",")));
        ChainedOptionsBuilder options = profile.applyTo(new OptionsBuilder(), paramOverrides)
                .addProfiler(PerOpProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(jsonFile.toString())
                .shouldFailOnError(true);
        selected.forEach(options::include);
        profilers.forEach(options::addProfiler);
        if (forks != null) {
            options.forks(forks);
        }
        return options;
    }

    /** The transport the fan-out benchmarks' clients use here: {@code epoll} or {@code nio}. */
    private static String nettyTransport() {
        try (ClientEngine engine = new ClientEngine(ClientEngineConfig.DEFAULTS)) {
            return engine.transportName();
        }
    }

    /** Converts {@code --profile} values, so a wrong one is a usage error (exit 2). */
    static final class ProfileConverter implements CommandLine.ITypeConverter<JmhProfile> {
        @Override
        public JmhProfile convert(String value) {
            try {
                return JmhProfile.fromLabel(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new JmhCommand()).execute(args));
    }
}
