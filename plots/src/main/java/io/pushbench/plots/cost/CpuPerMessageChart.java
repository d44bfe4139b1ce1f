package io.pushbench.plots.cost;

import io.pushbench.model.Strategy;
import io.pushbench.plots.axis.ValueAxes;
import io.pushbench.plots.render.ChartWriter;
import io.pushbench.plots.render.Charts;
import io.pushbench.plots.render.RenderedChart;
import io.pushbench.plots.run.StrategyAggregate;
import io.pushbench.plots.style.ChartLook;
import io.pushbench.plots.style.HatchedBarPainter;
import io.pushbench.plots.style.StrategyColumns;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Chart 4: CPU time per delivered message, per strategy: the server's (solid) beside the load
 * generator's (hatched), each measured on its own threads or process.
 */
public final class CpuPerMessageChart {

    /** The file name of this chart, without extension. */
    public static final String FILE_STEM = "cpu-per-message";
    static final String SERVER = "Server CPU";
    static final String LOADER = "Load generator CPU";

    private CpuPerMessageChart() {
    }

    /**
     * Draws the chart and writes it into {@code folder}. A strategy whose server CPU was not measured
     * (an external server) shows only the load generator's bar.
     *
     * @throws IllegalArgumentException when no strategy delivered a message
     */
    public static RenderedChart write(List<StrategyAggregate> strategies, String workload, Path folder, String fileStem) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Strategy> columns = new ArrayList<>();
        for (StrategyAggregate s : strategies) {
            if (s.delivered() == 0) {
                continue;
            }
            columns.add(s.strategy());
            String column = s.strategy().displayName();
            data.addValue(s.serverCpuMicros().map(cpu -> cpu / (double) s.delivered()).orElse(null), SERVER, column);
            data.addValue(s.clientCpuMicros() / (double) s.delivered(), LOADER, column);
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no strategy delivered a message: there is no CPU per message to draw");
        }
        BarRenderer renderer = StrategyColumns.grouped(columns);
        renderer.setBarPainter(new HatchedBarPainter(Set.of(1)));
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.04);
        renderer.setMaximumBarWidth(0.09);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("#,##0.#", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartLook.LABEL_FONT);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("Strategy"),
                ValueAxes.linearFromZero("CPU time per delivered message (µs)"), renderer);
        plot.getRangeAxis().setUpperMargin(0.12);
        plot.setFixedLegendItems(StrategyColumns.legend(List.of(SERVER, LOADER), Set.of(1)));
        return ChartWriter.write(Charts.chart("CPU time per delivered message: server and load generator", workload, plot),
                folder, fileStem,
                "CPU time spent per delivered message, in microseconds, by the server (solid) and by the load "
                        + "generator's clients and publisher (hatched), each measured on its own threads or process.");
    }
}
