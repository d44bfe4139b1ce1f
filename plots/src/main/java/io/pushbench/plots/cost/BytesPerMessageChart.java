package io.pushbench.plots.cost;

import io.pushbench.model.ByteCategory;
import io.pushbench.plots.axis.ValueAxes;
import io.pushbench.plots.render.ChartWriter;
import io.pushbench.plots.render.Charts;
import io.pushbench.plots.render.RenderedChart;
import io.pushbench.plots.run.StrategyAggregate;
import io.pushbench.plots.run.WorkloadText;
import io.pushbench.plots.style.ByteCategoryColors;
import io.pushbench.plots.style.ChartLook;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chart 2: bytes per delivered message, per strategy and direction, stacked by what the bytes are:
 * payload, framing, HTTP headers, handshake, heartbeat, empty responses and (where the kernel's
 * counters were read) TCP/IP headers and ACKs.
 *
 * <p>The number above each stack is its total; the payload at the bottom is what every strategy must
 * carry, everything above it is the strategy's cost.
 */
public final class BytesPerMessageChart {

    /** The file name of this chart, without extension. */
    public static final String FILE_STEM = "bytes-per-message";
    private static final String TCP_IP = "TCP/IP headers and ACKs (kernel)";

    private BytesPerMessageChart() {
    }

    /**
     * Draws the chart and writes it into {@code folder}.
     *
     * @param strategies one aggregate per strategy, in run order; strategies that delivered nothing are left out
     * @param workload   the workload, for the subtitle
     * @param fileStem   file name without extension ({@link #FILE_STEM}, or with a sweep point suffix)
     * @throws IllegalArgumentException when no strategy delivered a message
     */
    public static RenderedChart write(List<StrategyAggregate> strategies, String workload, Path folder, String fileStem) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean tcpIpMeasured = strategies.stream().anyMatch(s -> s.tcpIpUpBytes().isPresent());
        for (StrategyAggregate s : strategies) {
            if (s.receivedInWindow() == 0) {
                continue;
            }
            addStack(data, s, s.strategy().displayName() + "\nup", s.upBytes(), s.tcpIpUpBytes(), tcpIpMeasured);
            addStack(data, s, s.strategy().displayName() + "\ndown", s.downBytes(), s.tcpIpDownBytes(), tcpIpMeasured);
        }
        if (data.getColumnCount() == 0) {
            throw new IllegalArgumentException("no strategy delivered a message: there are no bytes per message to draw");
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.09);
        for (int row = 0; row < data.getRowCount(); row++) {
            renderer.setSeriesPaint(row, colorOf(data.getRowKey(row).toString()));
        }
        renderer.setDefaultItemLabelGenerator(new StackTotalLabels((column, total) -> WorkloadText.number(Math.round(total * 10) / 10.0) + " B"));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartLook.LABEL_FONT);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        CategoryAxis axis = new CategoryAxis("Strategy · direction (up = client → server, down = server → client)");
        axis.setMaximumCategoryLabelLines(3);
        axis.setCategoryMargin(0.15);
        CategoryPlot plot = new CategoryPlot(data, axis,
                ValueAxes.linearFromZero("Bytes per delivered message (B)"), renderer);
        plot.getRangeAxis().setUpperMargin(0.12);
        return ChartWriter.write(Charts.chart("Bytes per delivered message, by what they are", workload, plot),
                folder, fileStem,
                "For each strategy the bytes sent up and down per delivered message, stacked by category; the "
                        + "number above a stack is its total. Everything above the payload is the strategy's overhead.");
    }

    private static void addStack(DefaultCategoryDataset data, StrategyAggregate s, String column,
                                 Map<ByteCategory, Long> bytes, Optional<Long> tcpIp, boolean tcpIpMeasured) {
        for (ByteCategory c : ByteCategoryColors.STACK_ORDER) {
            data.addValue(bytes.getOrDefault(c, 0L) / (double) s.receivedInWindow(), ByteCategoryColors.displayName(c), column);
        }
        if (tcpIpMeasured) {
            data.addValue(tcpIp.map(b -> b / (double) s.receivedInWindow()).orElse(0.0), TCP_IP, column);
        }
    }

    private static java.awt.Color colorOf(String rowKey) {
        for (ByteCategory c : ByteCategory.values()) {
            if (ByteCategoryColors.displayName(c).equals(rowKey)) {
                return ByteCategoryColors.of(c);
            }
        }
        return ByteCategoryColors.TCP_IP;
    }
}
