package io.pushbench.plots.claims;

import io.pushbench.plots.render.ChartWriter;
import io.pushbench.plots.render.Charts;
import io.pushbench.plots.render.RenderedChart;
import io.pushbench.plots.style.ChartLook;
import io.pushbench.plots.style.OkabeIto;
import io.pushbench.report.claims.ClaimChart;
import io.pushbench.report.claims.ClaimVerdict;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.nio.file.Path;

/** Draws a claim's chart (grouped bars, one colour per series) as {@code claim-<n>.png} and {@code .svg}. */
final class ClaimChartRenderer {

    private ClaimChartRenderer() {
    }

    /** The chart of a verdict, or null when it has no chart data. */
    static RenderedChart render(ClaimVerdict claim, Path folder) {
        ClaimChart data = claim.chart();
        if (data == null || data.bars().isEmpty()) {
            return null;
        }
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        boolean log = data.logScale() && data.bars().stream().allMatch(b -> b.value() > 0);
        java.util.List<ClaimChart.Bar> bars = new java.util.ArrayList<>(data.bars());
        if (bars.stream().allMatch(b -> b.category().matches("[0-9.]+ .*"))) {
            // sweep points ("2 msg/s", "1000 clients") in ascending order, whatever order the verdict read them in
            bars.sort(java.util.Comparator.comparingDouble(b -> Double.parseDouble(b.category().substring(0, b.category().indexOf(' ')))));
        }
        for (ClaimChart.Bar b : bars) {
            dataset.addValue(b.value(), b.series(), b.category());
        }
        CategoryAxis categories = new CategoryAxis();
        categories.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        categories.setMaximumCategoryLabelLines(3);
        double smallest = data.bars().stream().mapToDouble(ClaimChart.Bar::value).min().orElse(1);
        ValueAxis values;
        BarRenderer renderer = new BarRenderer();
        if (log) {
            // bars grow from half the smallest value, not from 0 (which a log axis cannot show)
            double largest = data.bars().stream().mapToDouble(ClaimChart.Bar::value).max().orElse(1);
            LogAxis axis = new LogAxis(data.valueAxis());
            axis.setSmallestValue(smallest / 2);
            axis.setRange(smallest / 2, largest * 2);
            axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.##", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
            renderer.setBase(smallest / 2);
            renderer.setIncludeBaseInRange(false);
            values = axis;
        } else {
            values = new NumberAxis(data.valueAxis());
        }
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < dataset.getRowCount(); i++) {
            renderer.setSeriesPaint(i, OkabeIto.neutral(i));
        }
        CategoryPlot plot = new CategoryPlot(dataset, categories, values, renderer);
        plot.setRangeGridlinePaint(ChartLook.GRID);
        JFreeChart chart = Charts.chart("Claim " + claim.number() + ": " + data.title(),
                claim.verdict() + (claim.finding() == null || claim.finding().length() > 110 ? ""
                        : " - " + claim.finding()), plot);
        return ChartWriter.write(chart, folder, "claim-" + claim.number(), claim.title() + ": " + claim.verdict());
    }
}
