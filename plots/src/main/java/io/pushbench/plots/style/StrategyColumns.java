package io.pushbench.plots.style;

import io.pushbench.model.Strategy;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;

import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Set;
import io.pushbench.plots.axis.ValueAxes;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;

/**
 * Bar renderers for charts with one category (column) per strategy: every bar is painted in its
 * column's strategy colour, and the series (server/loader, useful/empty) are told apart by hatching.
 */
public final class StrategyColumns {

    private StrategyColumns() {
    }

    /** Side-by-side bars, coloured by the strategy of their column. */
    public static BarRenderer grouped(List<Strategy> columns) {
        return new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return StrategyStyle.of(columns.get(column)).color();
            }
        };
    }

    /** Stacked bars, coloured by the strategy of their column. */
    public static StackedBarRenderer stacked(List<Strategy> columns) {
        return new StackedBarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return StrategyStyle.of(columns.get(column)).color();
            }
        };
    }

    /**
     * The plot of a chart with one column per strategy and two series, the second hatched: flat bars,
     * one label above each bar (or stack), the value axis from zero, and the grey legend of {@link #legend}.
     *
     * @param renderer    from {@link #grouped} or {@link #stacked}
     * @param seriesNames legend text of the two series, in row order
     * @param labels      the text above the bars
     * @param yAxisTitle  the value axis title, with its unit
     */
    public static CategoryPlot plot(BarRenderer renderer, CategoryDataset data, List<String> seriesNames,
                                    CategoryItemLabelGenerator labels, String yAxisTitle) {
        renderer.setBarPainter(new HatchedBarPainter(Set.of(1)));
        renderer.setShadowVisible(false);
        renderer.setDefaultItemLabelGenerator(labels);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartLook.LABEL_FONT);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("Strategy"), ValueAxes.linearFromZero(yAxisTitle), renderer);
        plot.getRangeAxis().setUpperMargin(0.12);
        plot.setFixedLegendItems(legend(seriesNames, Set.of(1)));
        return plot;
    }

    /**
     * A legend for such a chart: one grey swatch per series, light grey for the hatched ones (the colour
     * of a bar is its strategy, named on the axis).
     *
     * @param seriesNames  legend text per series, in row order
     * @param hatchedRows  rows drawn hatched
     */
    static LegendItemCollection legend(List<String> seriesNames, Set<Integer> hatchedRows) {
        LegendItemCollection items = new LegendItemCollection();
        for (int row = 0; row < seriesNames.size(); row++) {
            boolean hatched = hatchedRows.contains(row);
            String text = seriesNames.get(row) + (hatched ? " (hatched)" : " (solid)");
            items.add(new LegendItem(text, null, null, null, new Rectangle2D.Double(-7, -7, 14, 14),
                    hatched ? new Color(0xBB, 0xBB, 0xBB) : new Color(0x55, 0x55, 0x55)));
        }
        return items;
    }
}
