package io.pushbench.plots.style;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/**
 * The one look of every pushbench chart: size, fonts, white background, light grid, legend below.
 *
 * <p>Sizes are chosen so that a 1200×700 image stays readable when scaled to a blog column or printed:
 * title 24 px, subtitle 16 px, axis titles 17 px, tick labels and legend 15 px.
 */
public final class ChartLook {

    /** Width of every chart, pixels. */
    public static final int WIDTH_PIXELS = 1200;
    /** Height of every chart, pixels. */
    public static final int HEIGHT_PIXELS = 700;

    /** Text and axis colour: dark grey, softer than black, high contrast still. */
    public static final Color INK = new Color(0x22, 0x22, 0x22);
    /** Grid lines and borders. */
    public static final Color GRID = new Color(0xD0, 0xD0, 0xD0);
    /** Minor grid lines (the 2×..9× lines of a log axis). */
    public static final Color MINOR_GRID = new Color(0xEE, 0xEE, 0xEE);

    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 24);
    public static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    public static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
    public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    public static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    /** Labels drawn inside the plot (values on bars, step markers). */
    public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

    private ChartLook() {
    }

    /** Applies the look to a chart and every axis of its plot (and of its subplots). */
    public static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 40));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE_FONT);
            chart.getTitle().setPaint(INK);
        }
        for (Object subtitle : chart.getSubtitles()) {
            if (subtitle instanceof TextTitle text) {
                text.setFont(SUBTITLE_FONT);
                text.setPaint(INK);
                text.setPadding(new RectangleInsets(2, 0, 8, 0));
            } else if (subtitle instanceof LegendTitle legend) {
                legend.setItemFont(LEGEND_FONT);
                legend.setItemPaint(INK);
                legend.setPosition(RectangleEdge.BOTTOM);
                legend.setFrame(BlockBorder.NONE);
                legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 16));
                legend.setPadding(new RectangleInsets(8, 0, 0, 0));
            }
        }
        apply(chart.getPlot());
    }

    private static void apply(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(INK);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlineStroke(new BasicStroke(1f));
            xy.setRangeGridlineStroke(new BasicStroke(1f));
            // minor lines only where they carry meaning: the 2x..9x of a log axis
            xy.setRangeMinorGridlinesVisible(xy.getRangeAxis() instanceof org.jfree.chart.axis.LogAxis);
            xy.setRangeMinorGridlinePaint(MINOR_GRID);
            xy.setRangeMinorGridlineStroke(new BasicStroke(0.5f));
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                apply(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                apply(xy.getRangeAxis(i));
            }
            if (xy instanceof org.jfree.chart.plot.CombinedDomainXYPlot combined) {
                combined.getSubplots().forEach(ChartLook::apply);
            }
        } else if (plot instanceof CategoryPlot category) {
            if (category instanceof org.jfree.chart.plot.CombinedDomainCategoryPlot combined) {
                combined.getSubplots().forEach(p -> apply((Plot) p));
            }
            category.setRangeGridlinePaint(GRID);
            category.setRangeGridlineStroke(new BasicStroke(1f));
            category.setDomainGridlinesVisible(false);
            for (int i = 0; i < category.getDomainAxisCount(); i++) {
                apply(category.getDomainAxis(i));
            }
            for (int i = 0; i < category.getRangeAxisCount(); i++) {
                apply(category.getRangeAxis(i));
            }
        }
    }

    private static void apply(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(AXIS_TITLE_FONT);
        axis.setLabelPaint(INK);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(INK);
        axis.setAxisLinePaint(INK);
        axis.setTickMarkPaint(INK);
    }
}
