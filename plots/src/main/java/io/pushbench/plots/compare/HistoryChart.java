package io.pushbench.plots.compare;

import io.pushbench.model.Strategy;
import io.pushbench.plots.axis.ValueAxes;
import io.pushbench.plots.render.ChartWriter;
import io.pushbench.plots.render.Charts;
import io.pushbench.plots.render.RenderedChart;
import io.pushbench.plots.style.ChartLook;
import io.pushbench.plots.style.OkabeIto;
import io.pushbench.plots.style.StrategyStyle;
import io.pushbench.report.compare.HistoryPoint;
import io.pushbench.report.compare.HistoryReport;
import io.pushbench.report.compare.MetricSeries;
import io.pushbench.report.compare.RunInfo;
import io.pushbench.report.compare.Verdict;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Chart 9: one metric across the runs of a history (commit order), one line per subject, with every
 * significant step marked where it happened: a vertical line and the change, in the verdict's colour.
 *
 * <p>One chart per metric: {@code history-latency.p99}, {@code history-bytes.down.per-msg}, ...
 */
public final class HistoryChart {

    /** File names start with this, then the metric id (and a page number when a metric has many subjects). */
    public static final String FILE_PREFIX = "history-";
    /** Subjects (lines) per chart: more would not be told apart. */
    public static final int SERIES_PER_CHART = 8;

    private HistoryChart() {
    }

    /**
     * Draws one chart per metric of the history into {@code folder}.
     *
     * @param metrics metric ids to draw (e.g. {@code latency.p99}); empty = every metric
     * @throws IllegalArgumentException when the history has no series (of the asked metrics)
     */
    public static List<RenderedChart> write(HistoryReport history, List<String> metrics, Path folder) {
        Map<String, List<MetricSeries>> byMetric = history.series().stream()
                .filter(s -> metrics.isEmpty() || metrics.contains(s.metric()))
                .collect(Collectors.groupingBy(MetricSeries::metric, LinkedHashMap::new, Collectors.toList()));
        if (byMetric.isEmpty()) {
            throw new IllegalArgumentException(metrics.isEmpty() ? "the history has no series to draw"
                    : "the history has no series of " + metrics + "; it has "
                    + history.series().stream().map(MetricSeries::metric).distinct().toList());
        }
        List<String> runIds = history.runs().stream().map(RunInfo::runId).toList();
        String[] runLabels = history.runs().stream().map(HistoryChart::label).toArray(String[]::new);
        List<RenderedChart> charts = new ArrayList<>();
        for (Map.Entry<String, List<MetricSeries>> e : byMetric.entrySet()) {
            List<MetricSeries> all = e.getValue();
            int pages = (all.size() + SERIES_PER_CHART - 1) / SERIES_PER_CHART;
            for (int page = 0; page < pages; page++) {
                List<MetricSeries> some = all.subList(page * SERIES_PER_CHART, Math.min(all.size(), (page + 1) * SERIES_PER_CHART));
                String stem = FILE_PREFIX + e.getKey().replaceAll("[^A-Za-z0-9.-]", "_") + (pages > 1 ? "-" + (page + 1) : "");
                charts.add(writeMetric(e.getKey(), some, runIds, runLabels, history, folder, stem,
                        pages > 1 ? " (" + (page + 1) + "/" + pages + ")" : ""));
            }
        }
        return charts;
    }

    private static RenderedChart writeMetric(String metric, List<MetricSeries> series, List<String> runIds,
                                             String[] runLabels, HistoryReport history, Path folder, String stem,
                                             String pageNote) {
        Optional<String> commonClass = SubjectNames.commonClass(series.stream().map(MetricSeries::subject).toList());
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        double min = Double.MAX_VALUE;
        double max = 0;
        List<XYTextAnnotation> stepLabels = new ArrayList<>();
        List<ValueMarker> stepLines = new ArrayList<>();
        int neutral = 0;
        for (MetricSeries s : series) {
            XYSeries xy = new XYSeries(SubjectNames.shorten(s.subject(), commonClass), false, true);
            for (HistoryPoint p : s.points()) {
                int x = runIds.indexOf(p.runId());
                xy.add(x, p.median());
                min = p.median() > 0 ? Math.min(min, p.median()) : min;
                max = Math.max(max, p.median());
                if (p.marksStep()) {
                    stepLines.add(stepLine(x, p.step()));
                    XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.ROOT, "%s %+.1f%%",
                            p.step().label(), p.changePercent() == null ? 0 : p.changePercent()), x, p.median());
                    label.setFont(ChartLook.LABEL_FONT);
                    label.setPaint(VerdictColors.of(p.step()));
                    label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
                    stepLabels.add(label);
                }
            }
            int i = data.getSeriesCount();
            data.addSeries(xy);
            Strategy strategy = strategyOf(s.strategy());
            if (strategy != null && series.stream().filter(o -> strategy.label().equals(o.strategy())).count() == 1) {
                StrategyStyle style = StrategyStyle.of(strategy);
                renderer.setSeriesPaint(i, style.color());
                renderer.setSeriesStroke(i, style.line());
                renderer.setSeriesShape(i, style.marker());
            } else {
                renderer.setSeriesPaint(i, OkabeIto.neutral(neutral++));
                renderer.setSeriesStroke(i, new BasicStroke(StrategyStyle.LINE_WIDTH));
            }
        }
        SymbolAxis runs = new SymbolAxis("Run (commit order)", runLabels);
        runs.setGridBandsVisible(false);
        runs.setVerticalTickLabels(runLabels.length > 8);
        MetricSeries first = series.get(0);
        XYPlot plot = new XYPlot(data, runs, ValueAxes.linearOrLog(metric + " (" + first.unit() + ", "
                + first.betterWhen().label() + " is better)", min == Double.MAX_VALUE ? 0 : min, max), renderer);
        stepLines.forEach(plot::addDomainMarker);
        stepLabels.forEach(plot::addAnnotation);
        String subtitle = commonClass.map(c -> c + " · ").orElse("") + String.format(Locale.ROOT, "%d runs from %s · steps: alpha %.2f, minimum effect %.0f%% timing, %.0f%% counts", runLabels.length, history.folder(),
                history.thresholds().alpha(), history.thresholds().minEffectPercent(),
                history.thresholds().minCountEffectPercent());
        return ChartWriter.write(Charts.chart("History of " + metric + " across commits" + pageNote, subtitle, plot),
                folder, stem,
                "The median of " + metric + " in each run, oldest commit left; a vertical line marks a run where a "
                        + "significant step happened (blue better, vermillion worse), labelled with the change.");
    }

    private static ValueMarker stepLine(int x, Verdict step) {
        ValueMarker marker = new ValueMarker(x, VerdictColors.of(step),
                new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        marker.setLabelAnchor(RectangleAnchor.TOP);
        return marker;
    }

    /** {@code a1b2c3d4} (the commit) when known, else the run id; a {@code *} marks a dirty tree. */
    private static String label(RunInfo run) {
        String base = run.commit() == null ? run.runId() : run.commit().substring(0, Math.min(8, run.commit().length()));
        return base + (Boolean.TRUE.equals(run.dirty()) ? "*" : "");
    }

    private static Strategy strategyOf(String label) {
        if (label == null) {
            return null;
        }
        try {
            return Strategy.fromLabel(label);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
