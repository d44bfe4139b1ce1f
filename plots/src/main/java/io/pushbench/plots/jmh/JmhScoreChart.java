package io.pushbench.plots.jmh;

import io.pushbench.model.Strategy;
import io.pushbench.plots.axis.ValueAxes;
import io.pushbench.plots.render.ChartWriter;
import io.pushbench.plots.render.Charts;
import io.pushbench.plots.render.RenderedChart;
import io.pushbench.plots.style.HatchedBarPainter;
import io.pushbench.plots.style.OkabeIto;
import io.pushbench.plots.style.StrategyStyle;
import io.pushbench.report.jmh.JmhMetric;
import io.pushbench.report.jmh.JmhResult;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.axis.ValueAxis;
import java.awt.Shape;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Chart 7: JMH scores with their error bars, per benchmark method and parameter set, and the
 * benchmark's own counters ({@code @AuxCounters}: bytes/op, requests/op) in a panel beneath.
 *
 * <p>One chart per benchmark class and mode, so that every bar of a chart has the same unit. When the
 * benchmark has a {@code strategy} parameter, bars are per strategy, in the strategy's colour.
 */
public final class JmhScoreChart {

    /** File names start with this, then the benchmark class and the mode: {@code jmh-SseEncoderBenchmark-avgt}. */
    public static final String FILE_PREFIX = "jmh-";
    private static final String STRATEGY_PARAM = "strategy";

    private JmhScoreChart() {
    }

    /**
     * Draws one chart per benchmark class and mode found in {@code results}.
     *
     * @param results JMH results, e.g. from {@code JmhJson.read}
     * @param folder  where to write the charts
     * @throws IllegalArgumentException when {@code results} is empty
     */
    public static List<RenderedChart> write(List<JmhResult> results, Path folder) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("the JMH file has no benchmark results");
        }
        Map<String, List<JmhResult>> groups = results.stream().collect(Collectors.groupingBy(
                r -> r.benchmarkClass() + "\u0000" + r.mode(), LinkedHashMap::new, Collectors.toList()));
        List<RenderedChart> charts = new ArrayList<>();
        for (List<JmhResult> group : groups.values()) {
            charts.add(writeGroup(group, folder));
        }
        return charts;
    }

    private static RenderedChart writeGroup(List<JmhResult> group, Path folder) {
        JmhResult first = group.get(0);
        String simpleClass = first.benchmarkClass().substring(first.benchmarkClass().lastIndexOf('.') + 1);
        String unit = first.primaryMetric().scoreUnit();

        DefaultStatisticalCategoryDataset scores = new DefaultStatisticalCategoryDataset();
        DefaultCategoryDataset aux = new DefaultCategoryDataset();
        String auxUnit = null;
        for (JmhResult r : group) {
            Key key = key(r);
            JmhMetric m = r.primaryMetric();
            scores.add(m.score(), m.scoreErrorOrZero(), key.series(), key.category());
            for (Map.Entry<String, JmhMetric> counter : perOp(r).entrySet()) {
                aux.addValue(counter.getValue().score(), key.series() + ": " + counter.getKey(), key.category());
                auxUnit = auxUnit == null || auxUnit.equals(counter.getValue().scoreUnit())
                        ? counter.getValue().scoreUnit() : "per op";
            }
        }

        CategoryAxis categories = new CategoryAxis("Benchmark method and parameters");
        categories.setMaximumCategoryLabelLines(4);
        categories.setCategoryMargin(0.05);
        categories.setLowerMargin(0.02);
        categories.setUpperMargin(0.02);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(categories);
        plot.setGap(16);
        Map<String, Color> colors = colors(scores.getRowKeys());
        plot.add(scorePlot(scores, unit, first.mode(), colors), 3);
        if (aux.getRowCount() > 0) {
            plot.add(auxPlot(aux, auxUnit, colors), 2);
        }
        String subtitle = String.format(Locale.ROOT,
                "%s mode · error bars: 99.9%% confidence interval (JMH) · %d fork(s) × %d iterations of %s · JDK %s",
                first.mode(), first.forks(), first.measurementIterations(), first.measurementTime(), first.jdkVersion());
        String stem = FILE_PREFIX + simpleClass + "-" + first.mode();
        return ChartWriter.write(Charts.chart("JMH " + simpleClass + ": " + unit + " per benchmark and parameter set",
                        subtitle, plot), folder, stem,
                "Bars are JMH scores (" + unit + ", " + betterDirection(first.mode()) + ") with JMH's 99.9% "
                        + "confidence interval as error bars (cut at zero); the hatched bars below are what the "
                        + "benchmark counted per operation (bytes/op, requests/op) in the same runs.");
    }

    /**
     * Scores as markers with error bars: benchmarks of one class can differ a thousandfold (a baseline
     * beside a compressing encoder), so the axis turns logarithmic where needed, and bars on a log axis
     * would mislead.
     */
    private static CategoryPlot scorePlot(DefaultStatisticalCategoryDataset scores, String unit, String mode,
                                          Map<String, Color> colors) {
        StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(false, true);
        renderer.setErrorIndicatorStroke(new BasicStroke(2f));
        renderer.setItemMargin(0.1);
        List<?> rows = scores.getRowKeys();
        double minPositive = Double.MAX_VALUE;
        double top = 0;
        for (int row = 0; row < rows.size(); row++) {
            renderer.setSeriesPaint(row, colors.get(rows.get(row).toString()));
            renderer.setSeriesShape(row, shape(rows.get(row).toString(), row));
            for (int col = 0; col < scores.getColumnCount(); col++) {
                Number mean = scores.getMeanValue(row, col);
                Number error = scores.getStdDevValue(row, col);
                if (mean != null && mean.doubleValue() > 0) {
                    minPositive = Math.min(minPositive, mean.doubleValue());
                    top = Math.max(top, mean.doubleValue() + (error == null ? 0 : error.doubleValue()));
                }
            }
        }
        ValueAxis axis = ValueAxes.linearOrLog("Score (" + unit + ", " + betterDirection(mode) + ")",
                minPositive == Double.MAX_VALUE ? 0 : minPositive, top);
        // a confidence interval reaching below zero says "too noisy", not "negative time": the axis starts at zero
        if (axis instanceof NumberAxis linear) {
            linear.setRange(0, top > 0 ? top * 1.05 : 1);
        }
        return new CategoryPlot(scores, null, axis, renderer);
    }

    /** The strategy's marker for strategy series; otherwise circle, square, diamond, ... by row. */
    private static Shape shape(String series, int row) {
        Optional<Strategy> strategy = strategyOf(series);
        if (strategy.isPresent()) {
            return StrategyStyle.of(strategy.get()).marker();
        }
        Shape[] shapes = DefaultDrawingSupplier.createStandardSeriesShapes();
        return shapes[row % shapes.length];
    }

    private static CategoryPlot auxPlot(DefaultCategoryDataset aux, String unit, Map<String, Color> colors) {
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new HatchedBarPainter(
                IntStream.range(0, aux.getRowCount()).boxed().collect(Collectors.toSet())));
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        color(renderer, aux.getRowKeys(), colors);
        return new CategoryPlot(aux, null, ValueAxes.linearFromZero("Counted per operation (" + unit + ")"), renderer);
    }

    /**
     * The benchmark's own per-operation counters ({@code B/op}, {@code #/op}: bytes and requests per
     * operation), without JMH's totals ({@code #}) and profilers' outputs (names starting with {@code ·}).
     */
    static Map<String, JmhMetric> perOp(JmhResult r) {
        Map<String, JmhMetric> perOp = new LinkedHashMap<>();
        r.auxCounters().forEach((name, metric) -> {
            if (metric.scoreUnit() != null && metric.scoreUnit().endsWith("/op")) {
                perOp.put(name, metric);
            }
        });
        return perOp;
    }

    /** Strategy series in the strategy's colour; other series in Okabe–Ito's neutral order. */
    private static Map<String, Color> colors(List<?> seriesKeys) {
        Map<String, Color> colors = new LinkedHashMap<>();
        int neutral = 0;
        for (Object key : seriesKeys) {
            Optional<Strategy> strategy = strategyOf(key.toString());
            colors.put(key.toString(), strategy.isPresent()
                    ? StrategyStyle.of(strategy.get()).color() : OkabeIto.neutral(neutral++));
        }
        return colors;
    }

    /** Paints each row in its series' colour; a counter row ({@code "series: counter"}) in its series' colour. */
    private static void color(BarRenderer renderer, List<?> rowKeys, Map<String, Color> colors) {
        for (int row = 0; row < rowKeys.size(); row++) {
            String series = rowKeys.get(row).toString().split(": ")[0];
            renderer.setSeriesPaint(row, colors.getOrDefault(series, Color.GRAY));
        }
    }

    /** Series and category of a result: by strategy when the benchmark has a strategy parameter. */
    private static Key key(JmhResult r) {
        String strategyParam = r.params().get(STRATEGY_PARAM);
        if (strategyParam != null && strategyOf(strategyParam).isPresent()) {
            String others = r.params().entrySet().stream().filter(e -> !e.getKey().equals(STRATEGY_PARAM))
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
            return new Key(strategyOf(strategyParam).get().displayName(), join(r.method(), others).replace(", ", "\n"));
        }
        return new Key(r.method(), r.paramsText().isEmpty() ? "(no parameters)" : r.paramsText().replace(", ", "\n"));
    }

    private static String join(String method, String params) {
        return params.isEmpty() ? method : method + "\n" + params;
    }

    private static Optional<Strategy> strategyOf(String text) {
        for (Strategy s : Strategy.values()) {
            if (s.displayName().equals(text)) {
                return Optional.of(s);
            }
        }
        try {
            return Optional.of(Strategy.fromLabel(text));
        } catch (IllegalArgumentException notAStrategy) {
            return Optional.empty();
        }
    }

    private static String betterDirection(String mode) {
        return "thrpt".equals(mode) ? "higher is better" : "lower is better";
    }

    private record Key(String series, String category) {
    }
}
