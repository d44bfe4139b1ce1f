package io.pushbench.plots.cost;

import io.pushbench.model.Strategy;
import io.pushbench.plots.render.ChartWriter;
import io.pushbench.plots.render.Charts;
import io.pushbench.plots.render.RenderedChart;
import io.pushbench.plots.run.StrategyAggregate;
import io.pushbench.plots.style.StrategyColumns;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
            if (s.receivedInWindow() == 0) {
                continue;
            }
            columns.add(s.strategy());
            String column = s.strategy().displayName();
            data.addValue(s.serverCpuMicros().map(cpu -> cpu / (double) s.receivedInWindow()).orElse(null), SERVER, column);
            data.addValue(s.clientCpuMicros() / (double) s.receivedInWindow(), LOADER, column);
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no strategy delivered a message: there is no CPU per message to draw");
        }
        BarRenderer renderer = StrategyColumns.grouped(columns);
        renderer.setItemMargin(0.04);
        renderer.setMaximumBarWidth(0.09);
        CategoryPlot plot = StrategyColumns.plot(renderer, data, List.of(SERVER, LOADER),
                new StandardCategoryItemLabelGenerator("{2}",
                        new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT))),
                "CPU time per delivered message (µs)");
        return ChartWriter.write(Charts.chart("CPU time per delivered message: server and load generator", workload, plot),
                folder, fileStem,
                "CPU time spent per delivered message, in microseconds, by the server (solid) and by the load "
                        + "generator's clients and publisher (hatched), each measured on its own threads or process.");
    }
}
