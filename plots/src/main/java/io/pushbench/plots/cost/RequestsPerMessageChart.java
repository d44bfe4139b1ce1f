package io.pushbench.plots.cost;

import io.pushbench.model.Strategy;
import io.pushbench.plots.render.ChartWriter;
import io.pushbench.plots.render.Charts;
import io.pushbench.plots.render.RenderedChart;
import io.pushbench.plots.run.StrategyAggregate;
import io.pushbench.plots.run.WorkloadText;
import io.pushbench.plots.style.StrategyColumns;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chart 3: HTTP requests per delivered message, per strategy, split into requests that delivered
 * messages (solid) and empty responses (hatched): the waste of polling at a glance.
 */
public final class RequestsPerMessageChart {

    /** The file name of this chart, without extension. */
    public static final String FILE_STEM = "requests-per-message";
    static final String USEFUL = "Requests answered with messages";
    static final String EMPTY = "Empty responses (nothing to deliver)";

    private RequestsPerMessageChart() {
    }

    /**
     * Draws the chart and writes it into {@code folder}.
     *
     * @param strategies one aggregate per strategy; strategies that delivered nothing are left out
     * @throws IllegalArgumentException when no strategy delivered a message
     */
    public static RenderedChart write(List<StrategyAggregate> strategies, String workload, Path folder, String fileStem) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Strategy> columns = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (StrategyAggregate s : strategies) {
            if (s.receivedInWindow() == 0) {
                continue;
            }
            columns.add(s.strategy());
            String column = s.strategy().displayName();
            data.addValue((s.requests() - s.emptyResponses()) / (double) s.receivedInWindow(), USEFUL, column);
            data.addValue(s.emptyResponses() / (double) s.receivedInWindow(), EMPTY, column);
            labels.add(s.requests() == 0 ? "no request in the window"
                    : String.format(Locale.ROOT, "%s req/msg · %s empty", round(s.requests() / (double) s.receivedInWindow()),
                    WorkloadText.number(Math.round(1000.0 * s.emptyResponses() / s.requests()) / 10.0) + "%"));
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no strategy delivered a message: there are no requests per message to draw");
        }
        StackedBarRenderer renderer = StrategyColumns.stacked(columns);
        renderer.setMaximumBarWidth(0.14);
        CategoryPlot plot = StrategyColumns.plot(renderer, data, List.of(USEFUL, EMPTY),
                new StackTotalLabels((column, total) -> labels.get(column)), "HTTP requests per delivered message");
        return ChartWriter.write(Charts.chart("HTTP requests per delivered message, and how many came back empty",
                        workload, plot), folder, fileStem,
                "Bar height: HTTP requests sent per delivered message; the hatched part answered nothing (204 or a "
                        + "long poll that timed out). SSE and WebSocket send one request per connection, not per message.");
    }

    private static String round(double value) {
        return value >= 10 ? WorkloadText.number(Math.round(value)) : String.format(Locale.ROOT, "%.3g", value);
    }
}
