package io.pushbench.plots.sweep;

import io.pushbench.model.Strategy;
import io.pushbench.plots.axis.ValueAxes;
import io.pushbench.plots.render.ChartWriter;
import io.pushbench.plots.render.Charts;
import io.pushbench.plots.render.RenderedChart;
import io.pushbench.plots.run.StrategyAggregate;
import io.pushbench.plots.style.StrategyStyle;
import io.pushbench.report.WorkloadPoint;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Chart 6: one metric against the swept parameter, per strategy: measured points joined by the
 * strategy's line, and the analytic model as a thin dotted line of the same colour where one exists.
 * This is the chart that shows where polling stops being wasteful and where long polling stops helping.
 */
public final class SweepChart {

    /** Sweeps spanning more than this factor get a logarithmic x axis (sweep values are usually spaced by factors). */
    static final double SWEEP_LOG_SPAN = 8;

    /** File names start with this, then the metric: {@code sweep-requests}. */
    public static final String FILE_PREFIX = "sweep-";

    /** A parameter a run can sweep, read back from each result's workload (not re-parsed from text). */
    private record Swept(String axisTitle, ToDoubleFunction<WorkloadPoint> value) {
    }

    private static final Map<String, Swept> SWEPT = Map.of(
            "clients", new Swept("Clients", WorkloadPoint::clients),
            "rate", new Swept("Publish rate per topic (msg/s)", WorkloadPoint::publishRatePerSec),
            "interval", new Swept("Short-polling interval (ms)", WorkloadPoint::pollIntervalMillis),
            "payload", new Swept("Payload (B)", WorkloadPoint::payloadBytes),
            "hold", new Swept("Long-poll hold (ms)", WorkloadPoint::longPollHoldMillis));

    private SweepChart() {
    }

    /** Whether a sweep over this parameter can be drawn. */
    public static boolean canDraw(String parameter) {
        return SWEPT.containsKey(parameter);
    }

    /**
     * Draws the chart and writes it into {@code folder}.
     *
     * @param parameter  the swept parameter: {@code clients}, {@code rate}, {@code interval}, {@code payload} or {@code hold}
     * @param byStrategy per strategy, its aggregates in sweep order
     * @param metric     what to draw
     * @param workload   the fixed part of the workload, for the subtitle
     * @throws IllegalArgumentException for a parameter that cannot be drawn, or when no point has the metric
     */
    public static RenderedChart write(String parameter, Map<Strategy, List<StrategyAggregate>> byStrategy,
                                      SweepMetric metric, String workload, Path folder) {
        Swept swept = SWEPT.get(parameter);
        if (swept == null) {
            throw new IllegalArgumentException("cannot draw a sweep over '" + parameter + "'; drawable: " + SWEPT.keySet());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        double minY = Double.MAX_VALUE;
        double maxY = 0;
        boolean anyModel = false;
        for (Map.Entry<Strategy, List<StrategyAggregate>> e : byStrategy.entrySet()) {
            StrategyStyle style = StrategyStyle.of(e.getKey());
            XYSeries measured = new XYSeries(e.getKey().displayName(), true, true);
            XYSeries model = new XYSeries(e.getKey().displayName() + " (model)", true, true);
            for (StrategyAggregate point : e.getValue()) {
                double x = swept.value().applyAsDouble(point.workload());
                Optional<Double> y = metric.measured(point);
                if (y.isPresent()) {
                    measured.add(x, y.get());
                    minY = Math.min(minY, y.get());
                    maxY = Math.max(maxY, y.get());
                }
                Optional<Double> m = metric.model(point);
                if (m.isPresent()) {
                    model.add(x, m.get());
                    minY = Math.min(minY, m.get());
                    maxY = Math.max(maxY, m.get());
                }
            }
            if (measured.getItemCount() > 0) {
                int i = data.getSeriesCount();
                data.addSeries(measured);
                renderer.setSeriesPaint(i, style.color());
                renderer.setSeriesStroke(i, style.line());
                renderer.setSeriesShape(i, style.marker());
            }
            if (model.getItemCount() > 0) {
                int i = data.getSeriesCount();
                data.addSeries(model);
                anyModel = true;
                renderer.setSeriesPaint(i, style.color());
                renderer.setSeriesStroke(i, style.thinLine());
                renderer.setSeriesShapesVisible(i, false);
            }
        }
        if (data.getSeriesCount() == 0) {
            throw new IllegalArgumentException("no sweep point has a value of " + metric.label());
        }
        List<Double> xs = byStrategy.values().stream().flatMap(List::stream)
                .map(a -> swept.value().applyAsDouble(a.workload())).distinct().sorted().toList();
        ValueAxis xAxis = ValueAxes.forSweep(swept.axisTitle(), xs, SWEEP_LOG_SPAN);
        // a zero (WebSocket's empty responses) has no place on a log axis: then the axis stays linear
        ValueAxis yAxis = ValueAxes.linearOrLog(metric.axisTitle(), minY == Double.MAX_VALUE ? 0 : minY, maxY);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        String title = metric.axisTitle().replaceAll(" \\(.*\\)$", "") + " against " + swept.axisTitle()
                .replaceAll(" \\(.*\\)$", "").toLowerCase(java.util.Locale.ROOT);
        return ChartWriter.write(Charts.chart(title, workload, plot), folder, FILE_PREFIX + metric.label(),
                "Measured values (markers, one per sweep point) per strategy"
                        + (anyModel ? "; thin dotted lines of the same colour are the analytic model's values "
                        + "(docs/metrics.md) at the same points." : "."));
    }
}
