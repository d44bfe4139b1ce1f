package io.pushbench.plots.timeline;

import io.pushbench.model.Strategy;
import io.pushbench.plots.axis.ValueAxes;
import io.pushbench.plots.render.ChartWriter;
import io.pushbench.plots.render.Charts;
import io.pushbench.plots.render.RenderedChart;
import io.pushbench.plots.style.ChartLook;
import io.pushbench.plots.style.StrategyStyle;
import io.pushbench.report.TimelineSecond;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.nio.file.Path;
import java.util.List;

/**
 * Chart 5: the measured window second by second, one line per strategy, in three panels sharing the
 * time axis: deliveries per second and p99 delivery latency (from the {@code .hlog} interval histograms),
 * and connected clients (from the report's timeline).
 */
public final class OverTimeChart {

    /** The file name of this chart, without extension. */
    public static final String FILE_STEM = "over-time";
    private static final double MICROS_PER_MILLI = 1000.0;
    /** Intervals shorter than this are not drawn (the first may be cut short by the window's start). */
    private static final double MIN_INTERVAL_SEC = 0.2;

    /**
     * One strategy's data over time.
     *
     * @param strategy  the strategy
     * @param intervals the untagged intervals of its {@code .hlog}
     * @param timeline  the report's per-second timeline (connected clients)
     */
    public record Source(Strategy strategy, List<HlogIntervals.Interval> intervals, List<TimelineSecond> timeline) {
    }

    private OverTimeChart() {
    }

    /**
     * Draws the chart and writes it into {@code folder}.
     *
     * @param sources        per strategy, in legend order
     * @param windowSec      length of the measured window, s (marked; the log may run on through the drain)
     * @throws IllegalArgumentException when no source has an interval
     */
    public static RenderedChart write(List<Source> sources, double windowSec, String workload, Path folder, String fileStem) {
        XYSeriesCollection rate = new XYSeriesCollection();
        XYSeriesCollection p99 = new XYSeriesCollection();
        XYSeriesCollection clients = new XYSeriesCollection();
        double minP99 = Double.MAX_VALUE;
        double maxP99 = 0;
        for (Source s : sources) {
            String name = s.strategy().displayName();
            XYSeries r = new XYSeries(name);
            XYSeries l = new XYSeries(name);
            for (HlogIntervals.Interval i : s.intervals()) {
                if (i.endSec() - i.startSec() < MIN_INTERVAL_SEC) {
                    // a sliver at the window's start: a rate over it would be noise
                    continue;
                }
                // a rate holds over its whole interval: drawn as a step from the interval's start
                r.add(i.startSec(), i.deliveriesPerSec());
                if (i.deliveries() > 0) {
                    double ms = i.p99Micros() / MICROS_PER_MILLI;
                    l.add((i.startSec() + i.endSec()) / 2, ms);
                    minP99 = Math.min(minP99, ms);
                    maxP99 = Math.max(maxP99, ms);
                }
            }
            XYSeries c = new XYSeries(name);
            s.timeline().forEach(t -> c.add(t.elapsedMillis() / 1000.0, t.connectedClients()));
            rate.addSeries(r);
            p99.addSeries(l);
            clients.addSeries(c);
        }
        if (rate.getSeries().stream().allMatch(s -> ((XYSeries) s).getItemCount() == 0)) {
            throw new IllegalArgumentException("the interval logs hold no interval to draw");
        }
        NumberAxis time = new NumberAxis("Time since the start of the measured window (s)");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(14);
        XYPlot ratePanel = panel(rate, ValueAxes.linearFromZero("Deliveries/s"), sources, windowSec, true);
        ratePanel.setRenderer(styled(new XYStepRenderer(), sources));
        plot.add(ratePanel, 2);
        plot.add(panel(p99, ValueAxes.linearOrLog("p99 latency (ms)", minP99 == Double.MAX_VALUE ? 0 : minP99, maxP99),
                sources, windowSec, false), 2);
        if (clients.getSeries().stream().anyMatch(s -> ((XYSeries) s).getItemCount() > 0)) {
            plot.add(panel(clients, ValueAxes.linearFromZero("Connected clients"), sources, windowSec, false), 1);
        }
        // every panel has the same strategies: list them once
        plot.setFixedLegendItems(ratePanel.getRenderer().getLegendItems());
        return ChartWriter.write(Charts.chart("Deliveries, p99 latency and connected clients over time", workload, plot),
                folder, fileStem,
                "Second by second through the measured window (and the drain after it, right of the dashed line): "
                        + "deliveries per second, the 99th percentile of delivery latency in that second, and "
                        + "connected clients.");
    }

    private static XYPlot panel(XYSeriesCollection data, org.jfree.chart.axis.ValueAxis axis, List<Source> sources,
                                double windowSec, boolean labelWindowEnd) {
        XYPlot plot = new XYPlot(data, null, axis, styled(new XYLineAndShapeRenderer(true, false), sources));
        ValueMarker end = new ValueMarker(windowSec, ChartLook.INK,
                new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        if (labelWindowEnd) {
            end.setLabel("end of measured window");
            end.setLabelFont(ChartLook.LABEL_FONT);
            end.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
            end.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            end.setLabelBackgroundColor(new java.awt.Color(255, 255, 255, 220));
        }
        plot.addDomainMarker(end);
        return plot;
    }

    /** The strategies' colours, lines and markers on a renderer, in source order. */
    private static XYLineAndShapeRenderer styled(XYLineAndShapeRenderer renderer, List<Source> sources) {
        renderer.setDefaultShapesVisible(false);
        for (int i = 0; i < sources.size(); i++) {
            StrategyStyle style = StrategyStyle.of(sources.get(i).strategy());
            renderer.setSeriesPaint(i, style.color());
            renderer.setSeriesStroke(i, style.line());
            renderer.setSeriesShape(i, style.marker());
        }
        return renderer;
    }
}
