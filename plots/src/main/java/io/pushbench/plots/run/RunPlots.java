package io.pushbench.plots.run;

import io.pushbench.model.Strategy;
import io.pushbench.plots.ChartKind;
import io.pushbench.plots.PlotInputException;
import io.pushbench.plots.PlotOutput;
import io.pushbench.plots.cost.BytesPerMessageChart;
import io.pushbench.plots.cost.CpuPerMessageChart;
import io.pushbench.plots.cost.RequestsPerMessageChart;
import io.pushbench.plots.latency.LatencyDistributionChart;
import io.pushbench.plots.render.RenderedChart;
import io.pushbench.plots.report.HtmlReport;
import io.pushbench.plots.report.MarkdownReport;
import io.pushbench.plots.report.ReportPage;
import io.pushbench.plots.sweep.SweepChart;
import io.pushbench.plots.sweep.SweepMetric;
import io.pushbench.plots.timeline.HlogIntervals;
import io.pushbench.plots.timeline.OverTimeChart;
import io.pushbench.report.ReportFormatException;
import io.pushbench.report.ReportJson;
import io.pushbench.report.RunReport;
import io.pushbench.report.StrategyResult;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Draws the charts of one load run, and its HTML and Markdown report, into the run folder.
 *
 * <p>Typical use (what {@code pushbench plot results/<run-id>} and the end of {@code pushbench run} do):
 * <pre>{@code
 * PlotOutput out = RunPlots.plot(Path.of("results/20261125T154500Z-3f2a"), EnumSet.allOf(ChartKind.class), List.of());
 * System.out.println("report: " + out.html());
 * }</pre>
 */
public final class RunPlots {

    private RunPlots() {
    }

    /**
     * Reads a run's report and draws the asked charts.
     *
     * @param runFolderOrReport a run folder holding {@code report.json}, or the report file itself
     * @param kinds             the charts to draw; every kind the report has data for is drawn when given all kinds
     * @param sweepMetrics      the metrics of sweep charts; empty = all
     * @throws PlotInputException when the report is missing or malformed, or a chart was asked (by giving
     *                            fewer than all kinds) that the report has no data for
     */
    public static PlotOutput plot(Path runFolderOrReport, Set<ChartKind> kinds, List<SweepMetric> sweepMetrics)
            throws PlotInputException {
        Path reportFile = Files.isDirectory(runFolderOrReport)
                ? runFolderOrReport.resolve(ReportJson.FILE_NAME) : runFolderOrReport;
        if (Files.isDirectory(runFolderOrReport) && !Files.exists(reportFile)) {
            throw new PlotInputException("no " + ReportJson.FILE_NAME + " in " + runFolderOrReport
                    + ": give a run folder written by 'pushbench run', or a report file");
        }
        RunReport report;
        try {
            report = ReportJson.read(reportFile);
        } catch (ReportFormatException e) {
            throw new PlotInputException(e.getMessage(), e);
        }
        Path folder = reportFile.toAbsolutePath().getParent();
        return plot(report, folder, kinds, sweepMetrics);
    }

    /** Draws the charts of a report already read, into {@code folder} (where its {@code .hlog} files are). */
    public static PlotOutput plot(RunReport report, Path folder, Set<ChartKind> kinds, List<SweepMetric> sweepMetrics)
            throws PlotInputException {
        boolean everything = kinds.containsAll(EnumSet.allOf(ChartKind.class));
        if (report.results().isEmpty()) {
            throw new PlotInputException("the report of run " + report.runId() + " has no results to draw");
        }
        if (kinds.contains(ChartKind.SWEEP) && report.configuration().sweep() == null && !everything) {
            throw new PlotInputException("run " + report.runId() + " has no sweep, so there is no sweep chart to draw; "
                    + "run with --sweep NAME=v1,v2,... (clients, rate, interval or payload) to get one");
        }
        Map<String, List<StrategyResult>> byPoint = report.results().stream().collect(Collectors.groupingBy(
                r -> Objects.toString(r.sweepValue(), ""), LinkedHashMap::new, Collectors.toList()));
        List<RenderedChart> charts = new ArrayList<>();
        List<StrategyAggregate> all = new ArrayList<>();
        for (Map.Entry<String, List<StrategyResult>> point : byPoint.entrySet()) {
            List<StrategyAggregate> aggregates = aggregate(point.getValue());
            all.addAll(aggregates);
            String suffix = point.getKey().isEmpty() ? ""
                    : "-" + report.configuration().sweep().parameter() + "-" + point.getKey().replaceAll("[^A-Za-z0-9.]", "_");
            String workload = (point.getKey().isEmpty() ? "" : report.configuration().sweep().parameter() + " = " + point.getKey() + " · ")
                    + WorkloadText.of(aggregates.get(0).workload(), report.configuration())
                    + (report.configuration().repeats() > 1 ? " · " + report.configuration().repeats() + " repeats summed" : "");
            charts.addAll(perStrategyCharts(aggregates, point.getValue(), kinds, !everything, workload, folder, suffix, report));
        }
        if (kinds.contains(ChartKind.SWEEP) && report.configuration().sweep() != null) {
            charts.addAll(sweepCharts(report, all, sweepMetrics, folder));
        }
        ReportPage page = RunPage.of(report, all, charts, rawFiles(report, folder));
        return new PlotOutput(folder, charts, HtmlReport.write(page, folder), MarkdownReport.write(page, folder));
    }

    private static List<RenderedChart> perStrategyCharts(List<StrategyAggregate> aggregates, List<StrategyResult> results,
                                                         Set<ChartKind> kinds, boolean asked, String workload, Path folder,
                                                         String suffix, RunReport report) throws PlotInputException {
        List<RenderedChart> charts = new ArrayList<>();
        boolean delivered = aggregates.stream().anyMatch(a -> a.receivedInWindow() > 0);
        if (kinds.contains(ChartKind.LATENCY) && delivered) {
            Map<Strategy, Histogram> latency = new LinkedHashMap<>();
            aggregates.forEach(a -> latency.put(a.strategy(), a.latencyMicros()));
            charts.add(LatencyDistributionChart.write(latency, workload, folder, LatencyDistributionChart.FILE_STEM + suffix));
        }
        if (kinds.contains(ChartKind.BYTES) && delivered) {
            charts.add(BytesPerMessageChart.write(aggregates, workload, folder, BytesPerMessageChart.FILE_STEM + suffix));
        }
        if (kinds.contains(ChartKind.REQUESTS) && delivered) {
            charts.add(RequestsPerMessageChart.write(aggregates, workload, folder, RequestsPerMessageChart.FILE_STEM + suffix));
        }
        if (kinds.contains(ChartKind.CPU) && delivered) {
            charts.add(CpuPerMessageChart.write(aggregates, workload, folder, CpuPerMessageChart.FILE_STEM + suffix));
        }
        if (kinds.contains(ChartKind.TIMELINE)) {
            List<OverTimeChart.Source> sources = new ArrayList<>();
            for (StrategyResult r : results) {
                boolean logPresent = r.hlogFile() != null && Files.exists(folder.resolve(r.hlogFile()));
                if (!logPresent && !asked) {
                    // drawing everything from a report without its logs (copied alone): the other charts still can
                    continue;
                }
                if (r.repeatIndex() == 1) {
                    List<HlogIntervals.Interval> intervals = r.hlogFile() == null ? List.of()
                            : HlogIntervals.read(folder.resolve(r.hlogFile()));
                    sources.add(new OverTimeChart.Source(r.strategy(), intervals, r.timeline()));
                }
            }
            if (sources.stream().anyMatch(s -> !s.intervals().isEmpty())) {
                String repeatNote = report.configuration().repeats() > 1 ? " · repeat 1 shown" : "";
                charts.add(OverTimeChart.write(sources, report.configuration().durationMillis() / 1000.0,
                        workload.replace(" · " + report.configuration().repeats() + " repeats summed", "") + repeatNote,
                        folder, OverTimeChart.FILE_STEM + suffix));
            }
        }
        return charts;
    }

    private static List<RenderedChart> sweepCharts(RunReport report, List<StrategyAggregate> all,
                                                   List<SweepMetric> metrics, Path folder) throws PlotInputException {
        String parameter = report.configuration().sweep().parameter();
        if (!SweepChart.canDraw(parameter)) {
            throw new PlotInputException("run " + report.runId() + " sweeps '" + parameter + "', which the sweep chart cannot draw");
        }
        Map<Strategy, List<StrategyAggregate>> byStrategy = all.stream().collect(Collectors.groupingBy(
                StrategyAggregate::strategy, LinkedHashMap::new, Collectors.toList()));
        String fixed = WorkloadText.of(all.get(0).workload(), report.configuration(), parameter);
        List<RenderedChart> charts = new ArrayList<>();
        for (SweepMetric metric : metrics.isEmpty() ? List.of(SweepMetric.values()) : metrics) {
            boolean anyValue = all.stream().anyMatch(a -> metric.measured(a).isPresent());
            if (anyValue) {
                charts.add(SweepChart.write(parameter, byStrategy, metric, fixed, folder));
            } else if (!metrics.isEmpty()) {
                throw new PlotInputException("no sweep point of run " + report.runId() + " has a value of " + metric.label());
            }
        }
        return charts;
    }

    /** Sums the repeats of each strategy of one sweep point, in run order. */
    private static List<StrategyAggregate> aggregate(List<StrategyResult> results) {
        Map<Strategy, List<StrategyResult>> byStrategy = results.stream().collect(Collectors.groupingBy(
                StrategyResult::strategy, LinkedHashMap::new, Collectors.toList()));
        return byStrategy.values().stream().map(StrategyAggregate::of).toList();
    }

    private static List<String> rawFiles(RunReport report, Path folder) {
        List<String> files = new ArrayList<>(List.of(ReportJson.FILE_NAME));
        report.results().stream().map(StrategyResult::hlogFile).filter(Objects::nonNull).distinct()
                .filter(f -> Files.exists(folder.resolve(f))).forEach(files::add);
        return files;
    }
}
