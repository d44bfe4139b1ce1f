package io.pushbench.bench.plot;

import io.pushbench.compare.cli.CompareCommand;
import io.pushbench.compare.cli.HistoryCommand;
import io.pushbench.plots.ChartKind;
import io.pushbench.plots.PlotInputException;
import io.pushbench.plots.PlotOutput;
import io.pushbench.plots.compare.CompareChart;
import io.pushbench.plots.compare.HistoryChart;
import io.pushbench.plots.jmh.JmhPlots;
import io.pushbench.plots.render.RenderedChart;
import io.pushbench.plots.run.RunPlots;
import io.pushbench.plots.sweep.SweepMetric;
import io.pushbench.report.ReportFormatException;
import io.pushbench.report.ReportJson;
import io.pushbench.report.compare.ComparisonJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code pushbench plot}: draws the charts (PNG and SVG) and the HTML and Markdown report of result
 * files, into the run folder, and prints where they went.
 *
 * <p>Exit codes: 0 charts written; 2 bad input (no such file, JSON of another kind or schema version, a
 * chart asked of a report without its data), with a one-line message and no stack trace.
 */
@Command(name = "plot", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Draws charts (PNG and SVG, 1200x700) and an HTML and a Markdown report from result files, "
                + "into the run folder.",
                "A load run (report.json and its .hlog files) gets: latency by percentile, bytes, requests and CPU "
                        + "per delivered message, deliveries/p99/clients over time, and its sweep; a JMH run "
                        + "(jmh.json) gets scores with error bars and per-op counters."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:charts written", "2:bad input (missing file, other schema version, chart without data)"})
public final class PlotCommand implements Callable<Integer> {

    /** Where a bare run id is looked up. */
    static final Path RESULTS = Path.of("results");
    static final String COMPARISON_FILE = "compare.json";
    static final String HISTORY_FILE = "history.json";

    @Parameters(arity = "0..*", paramLabel = "RUN",
            description = "Run folders (with report.json or jmh.json), report.json or jmh.json files, or run ids under results/.")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--chart", split = ",", paramLabel = "KIND", converter = ChartKindConverter.class,
            description = "Load-run charts to draw: latency, bytes, requests, cpu, timeline, sweep. "
                    + "Default: every chart the report has data for.")
    List<ChartKind> charts = new ArrayList<>();

    @Option(names = "--sweep-metric", split = ",", paramLabel = "METRIC", converter = SweepMetricConverter.class,
            description = "Metrics of the sweep charts: bytes, requests, empty, mean-latency, p99-latency, cpu. Default: all.")
    List<SweepMetric> sweepMetrics = new ArrayList<>();

    @Option(names = "--compare", arity = "1..2", paramLabel = "RUN",
            description = "Chart a comparison: BASE CANDIDATE (runs, as for 'pushbench compare', which runs first "
                    + "and prints its table), or one compare.json written by 'pushbench compare --json'.")
    List<Path> compare = new ArrayList<>();

    @Option(names = "--history", paramLabel = "FOLDER",
            description = "Chart the history of the runs under FOLDER (as 'pushbench history'), or a history.json "
                    + "written by 'pushbench history --json'.")
    Path history;

    @Option(names = "--history-metric", split = ",", paramLabel = "METRIC",
            description = "Metric ids of the history charts, e.g. latency.p99,bytes.down.per-msg. Default: every metric.")
    List<String> historyMetrics = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for comparison and history charts. Default: the candidate's run folder; the history folder.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (runs.isEmpty() && compare.isEmpty() && history == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "nothing to plot: give a run folder or file, --compare or --history");
        }
        try {
            for (Path run : runs) {
                printed(plotRun(resolve(run)));
            }
            if (!compare.isEmpty()) {
                plotComparison();
            }
            if (history != null) {
                plotHistory();
            }
            return 0;
        } catch (PlotInputException | IllegalArgumentException | UncheckedIOException e) {
            err.println("pushbench plot: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private PlotOutput plotRun(Path run) throws PlotInputException {
        EnumSet<ChartKind> kinds = charts.isEmpty() ? EnumSet.allOf(ChartKind.class) : EnumSet.copyOf(charts);
        if (Files.isDirectory(run)) {
            if (Files.isRegularFile(run.resolve(ReportJson.FILE_NAME))) {
                return RunPlots.plot(run, kinds, sweepMetrics);
            }
            if (Files.isRegularFile(run.resolve(io.pushbench.report.claims.ClaimsJson.FILE_NAME))) {
                return io.pushbench.plots.claims.ClaimPlots.plot(run.resolve(io.pushbench.report.claims.ClaimsJson.FILE_NAME));
            }
            if (Files.isRegularFile(run.resolve(JmhPlots.FILE_NAME))) {
                return JmhPlots.plot(run.resolve(JmhPlots.FILE_NAME));
            }
            throw new PlotInputException(run + ": a folder without " + ReportJson.FILE_NAME + " or " + JmhPlots.FILE_NAME);
        }
        if (io.pushbench.report.claims.ClaimsJson.isClaimsFile(run)) {
            return io.pushbench.plots.claims.ClaimPlots.plot(run);
        }
        return startsWithArray(run) ? JmhPlots.plot(run) : RunPlots.plot(run, kinds, sweepMetrics);
    }

    private void plotComparison() throws PlotInputException {
        Path json;
        Path folder;
        if (compare.size() == 1) {
            json = resolve(compare.get(0));
            folder = out != null ? out : json.toAbsolutePath().getParent();
        } else {
            Path candidate = resolve(compare.get(1));
            folder = out != null ? out : (Files.isDirectory(candidate) ? candidate : candidate.toAbsolutePath().getParent());
            json = folder.resolve(COMPARISON_FILE);
            int exit = delegate(new CompareCommand(), true, compare.get(0).toString(), compare.get(1).toString(),
                    "--json", json.toString());
            if (exit == 2 || !Files.exists(json)) {
                throw new PlotInputException("the comparison failed (see above), so there is nothing to chart");
            }
        }
        try {
            List<RenderedChart> drawn = CompareChart.write(ComparisonJson.readComparison(json), folder);
            printCharts("comparison", folder, drawn);
        } catch (ReportFormatException e) {
            throw new PlotInputException(e.getMessage(), e);
        }
    }

    private void plotHistory() throws PlotInputException {
        Path given = resolve(history);
        Path json;
        Path folder;
        if (Files.isDirectory(given)) {
            folder = out != null ? out : given;
            json = folder.resolve(HISTORY_FILE);
            // the history's own table would be long: only its JSON is kept, and its errors shown
            int exit = delegate(new HistoryCommand(), false, given.toString(), "--json", json.toString());
            if (exit != 0) {
                throw new PlotInputException("the history of " + given + " could not be built (see above)");
            }
        } else {
            json = given;
            folder = out != null ? out : given.toAbsolutePath().getParent();
        }
        try {
            printCharts("history", folder, HistoryChart.write(ComparisonJson.readHistory(json), historyMetrics, folder));
        } catch (ReportFormatException e) {
            throw new PlotInputException(e.getMessage(), e);
        }
    }

    /** Runs another pushbench command on this command's streams (its standard output dropped unless asked). */
    private int delegate(Object command, boolean showOutput, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(showOutput ? spec.commandLine().getOut() : new PrintWriter(Writer.nullWriter()));
        cl.setErr(spec.commandLine().getErr());
        return cl.execute(args);
    }

    private void printed(PlotOutput output) {
        printCharts("run", output.folder(), output.charts());
        PrintWriter o = spec.commandLine().getOut();
        o.println("  report:   " + output.html());
        o.println("  markdown: " + output.markdown());
        o.flush();
    }

    private void printCharts(String what, Path folder, List<RenderedChart> drawn) {
        PrintWriter o = spec.commandLine().getOut();
        o.printf("pushbench plot: %d %s chart(s), PNG and SVG, in %s%n", drawn.size(), what, folder);
        drawn.forEach(c -> o.println("  " + c.png().getFileName() + "  " + c.title()));
        o.flush();
    }

    /** {@code given} when it exists, else {@code results/<given>} when that exists. */
    private static Path resolve(Path given) throws PlotInputException {
        if (Files.exists(given)) {
            return given;
        }
        Path underResults = RESULTS.resolve(given);
        if (Files.exists(underResults)) {
            return underResults;
        }
        throw new PlotInputException("no such file or folder: " + given);
    }

    /** JMH writes a JSON array; a pushbench report is an object. */
    private static boolean startsWithArray(Path file) throws PlotInputException {
        try (var reader = Files.newBufferedReader(file)) {
            int c;
            do {
                c = reader.read();
            } while (c != -1 && Character.isWhitespace(c));
            return c == '[';
        } catch (IOException e) {
            throw new PlotInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code --chart} values; an unknown one is a usage error (exit 2) naming the accepted ones. */
    static final class ChartKindConverter implements CommandLine.ITypeConverter<ChartKind> {
        @Override
        public ChartKind convert(String value) {
            return ChartKind.fromLabel(value);
        }
    }

    /** {@code --sweep-metric} values. */
    static final class SweepMetricConverter implements CommandLine.ITypeConverter<SweepMetric> {
        @Override
        public SweepMetric convert(String value) {
            return SweepMetric.fromLabel(value);
        }
    }
}
