package io.pushbench.plots.render;

import io.pushbench.plots.style.ChartLook;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;

/**
 * Wraps a plot into a pushbench chart: title (what is compared), subtitle (under which workload), legend,
 * the common look.
 *
 * <p>Every chart is made here, so every chart is drawn off-screen and looks the same.
 */
public final class Charts {

    private Charts() {
    }

    static {
        // JFreeChart's workaround for a JDK 1.4 bug draws rotated labels (the y-axis title) as glyph
        // outlines; without it they stay text in SVG
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /** Draws off-screen: a CI machine or a server has no display and needs none. */
    public static void ensureHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * A chart with a legend below the plot.
     *
     * @param title    what is compared, e.g. {@code "Delivery latency by percentile"}
     * @param subtitle under which workload, e.g. {@code "1000 clients · broadcast · 1 msg/s · 64 B payload"}
     * @param plot     the plot, axes labelled with their units
     */
    public static JFreeChart chart(String title, String subtitle, Plot plot) {
        ensureHeadless();
        JFreeChart chart = new JFreeChart(title, ChartLook.TITLE_FONT, plot, true);
        if (subtitle != null && !subtitle.isBlank()) {
            chart.addSubtitle(0, new TextTitle(subtitle));
        }
        ChartLook.apply(chart);
        return chart;
    }
}
