package io.pushbench.plots.latency;

import io.pushbench.model.Strategy;
import io.pushbench.plots.axis.NinesAxis;
import io.pushbench.plots.axis.ValueAxes;
import io.pushbench.plots.render.ChartWriter;
import io.pushbench.plots.render.Charts;
import io.pushbench.plots.render.RenderedChart;
import io.pushbench.plots.style.StrategyStyle;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.nio.file.Path;
import java.util.Map;

/**
 * Chart 1: delivery latency by percentile, one line per strategy, on the nines axis.
 *
 * <p>Reads each strategy's delivery-latency histogram (microseconds, measured from the scheduled publish
 * time) and draws milliseconds. The y axis is logarithmic when the latencies span more than
 * {@link ValueAxes#LOG_SPAN} times.
 */
public final class LatencyDistributionChart {

    /** The file name of this chart, without extension. */
    public static final String FILE_STEM = "latency-distribution";

    private static final double MICROS_PER_MILLI = 1000.0;
    /** Points per halving of the distance to 100%: HdrHistogram's own default for percentile output. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private LatencyDistributionChart() {
    }

    /**
     * Draws the chart and writes it into {@code folder}.
     *
     * @param latencyMicros per strategy, in legend order, the delivery-latency histogram in microseconds;
     *                      empty histograms are left out
     * @param workload      the workload in a few words, e.g. {@code "1000 clients · broadcast · 1 msg/s · 64 B"}
     * @param folder        where to write the PNG and SVG
     * @param fileStem      file name without extension ({@link #FILE_STEM}, or with a sweep point suffix)
     * @throws IllegalArgumentException when no histogram has a value
     */
    public static RenderedChart write(Map<Strategy, Histogram> latencyMicros, String workload, Path folder,
                                      String fileStem) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        long maxCount = 0;
        double minMillis = Double.MAX_VALUE;
        double maxMillis = 0;
        for (Map.Entry<Strategy, Histogram> e : latencyMicros.entrySet()) {
            Histogram h = e.getValue();
            if (h.getTotalCount() == 0) {
                continue;
            }
            XYSeries series = series(e.getKey().displayName(), h);
            StrategyStyle style = StrategyStyle.of(e.getKey());
            int index = data.getSeriesCount();
            data.addSeries(series);
            renderer.setSeriesPaint(index, style.color());
            renderer.setSeriesStroke(index, style.line());
            renderer.setSeriesShape(index, style.marker());
            maxCount = Math.max(maxCount, h.getTotalCount());
            minMillis = Math.min(minMillis, Math.max(series.getMinY(), 0.001));
            maxMillis = Math.max(maxMillis, series.getMaxY());
        }
        if (data.getSeriesCount() == 0) {
            throw new IllegalArgumentException("no strategy has delivery latencies to draw");
        }
        renderer.setDefaultLegendShape(new java.awt.geom.Rectangle2D.Double(-12, -1.5, 24, 3));
        XYPlot plot = new XYPlot(data,
                NinesAxis.create("Percentile (log scale of nines: each step is 10× rarer)", NinesAxis.ninesFor(maxCount)),
                ValueAxes.linearOrLog("Delivery latency from scheduled publish time (ms)", minMillis, maxMillis),
                renderer);
        return ChartWriter.write(
                Charts.chart("Delivery latency by percentile, per strategy", workload, plot),
                folder, fileStem,
                "Each line is one strategy's delivery latency, measured from the scheduled publish time, at each "
                        + "percentile. Right is rarer: at 99% one delivery in 100 was slower. Lower is better.");
    }

    /**
     * The (nines x, latency ms) points of a histogram: HdrHistogram's percentile iteration while below
     * the last value's position, then the maximum at {@code log10(count)}, where "1 in count" sits.
     */
    static XYSeries series(String name, Histogram histogramMicros) {
        XYSeries series = new XYSeries(name, true, true);
        long count = histogramMicros.getTotalCount();
        double lastX = Math.min(NinesAxis.MAX_NINES, Math.log10(count));
        for (HistogramIterationValue v : histogramMicros.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double p = v.getPercentileLevelIteratedTo();
            if (p >= 100.0 || NinesAxis.toX(p) >= lastX) {
                break;
            }
            series.add(NinesAxis.toX(p), histogramMicros.highestEquivalentValue(v.getValueIteratedTo()) / MICROS_PER_MILLI);
        }
        series.add(lastX, histogramMicros.getMaxValue() / MICROS_PER_MILLI);
        return series;
    }
}
