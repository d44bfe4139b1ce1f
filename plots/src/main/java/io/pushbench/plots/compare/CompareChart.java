package io.pushbench.plots.compare;

import io.pushbench.plots.axis.ValueAxes;
import io.pushbench.plots.render.ChartWriter;
import io.pushbench.plots.render.Charts;
import io.pushbench.plots.render.RenderedChart;
import io.pushbench.plots.style.ChartLook;
import io.pushbench.report.compare.ComparisonReport;
import io.pushbench.report.compare.MetricComparison;
import io.pushbench.report.compare.RunInfo;
import io.pushbench.report.compare.Verdict;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chart 8: a comparison of two runs, one bar per subject and metric: the change of the candidate from
 * the base in percent, coloured by the verdict, labelled with both values and the verdict.
 *
 * <p>Comparisons have many metrics, so they are drawn {@value #ROWS_PER_CHART} to a chart, in the
 * comparison's order: {@code compare-1}, {@code compare-2}, ...
 */
public final class CompareChart {

    /** File names start with this, then the page number: {@code compare-1}. */
    public static final String FILE_PREFIX = "compare-";
    /** Bars per chart: readable at 1200×700. */
    public static final int ROWS_PER_CHART = 14;

    private CompareChart() {
    }

    /**
     * Draws the comparison and writes its charts into {@code folder}.
     *
     * @throws IllegalArgumentException when the comparison has no metric (e.g. a refused comparison)
     */
    public static List<RenderedChart> write(ComparisonReport comparison, Path folder) {
        List<MetricComparison> metrics = comparison.metrics();
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("the comparison has no metric to draw (outcome: "
                    + comparison.outcome().label() + ")");
        }
        int pages = (metrics.size() + ROWS_PER_CHART - 1) / ROWS_PER_CHART;
        List<RenderedChart> charts = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            List<MetricComparison> rows = metrics.subList(page * ROWS_PER_CHART,
                    Math.min(metrics.size(), (page + 1) * ROWS_PER_CHART));
            charts.add(writePage(comparison, rows, page + 1, pages, folder));
        }
        return charts;
    }

    private static RenderedChart writePage(ComparisonReport comparison, List<MetricComparison> rows, int page, int pages,
                                           Path folder) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Verdict> verdicts = new ArrayList<>();
        Optional<String> commonClass = SubjectNames.commonClass(comparison.metrics().stream().map(MetricComparison::subject).toList());
        double maxAbs = 1;
        for (MetricComparison m : rows) {
            double change = m.changePercent() == null ? 0 : m.changePercent();
            maxAbs = Math.max(maxAbs, Math.abs(change));
            // two lines: what was measured, then both medians
            data.addValue(change, "change", SubjectNames.shorten(m.subject(), commonClass) + " · " + m.metric() + "\n"
                    + value(m.baseMedian()) + " → " + value(m.candidateMedian()) + " " + m.unit());
            verdicts.add(m.verdict());
        }
        BarRenderer renderer = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return VerdictColors.of(verdicts.get(column));
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator() {
            private static final long serialVersionUID = 1L;

            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                Verdict verdict = verdicts.get(column);
                return String.format(Locale.ROOT, "%+.1f%% %s", dataset.getValue(row, column).doubleValue(),
                        verdict == null ? "" : verdict.label());
            }
        });
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartLook.LABEL_FONT);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
        CategoryAxis categories = new CategoryAxis("Subject · metric");
        categories.setMaximumCategoryLabelWidthRatio(0.45f);
        categories.setMaximumCategoryLabelLines(2);
        categories.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        NumberAxis change = ValueAxes.linearFromZero("Change of the candidate's median from the base's (%)");
        // room on both sides for the labels beside the bars
        change.setRange(-maxAbs * 2.2, maxAbs * 2.2);
        CategoryPlot plot = new CategoryPlot(data, categories, change, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.addRangeMarker(new ValueMarker(0, ChartLook.INK, new BasicStroke(1.2f)));
        plot.setFixedLegendItems(legend());
        String title = "Compare " + name(comparison.candidate()) + " against " + name(comparison.base())
                + (pages > 1 ? " (" + page + "/" + pages + ")" : "");
        String subtitle = commonClass.map(c -> c + " · ").orElse("") + String.format(Locale.ROOT, "%s runs · outcome: %s · alpha %.2f, minimum effect %.0f%% (timing), %.0f%% (counts)%s",
                comparison.kind(), comparison.outcome().label(), comparison.thresholds().alpha(),
                comparison.thresholds().minEffectPercent(), comparison.thresholds().minCountEffectPercent(),
                comparison.environmentDifferences().isEmpty() ? "" : " · environments differ");
        return ChartWriter.write(Charts.chart(title, subtitle, plot), folder, FILE_PREFIX + page,
                "Each bar is the change of one metric from the base run to the candidate, in percent of the base's "
                        + "median, coloured by the verdict of the test (better, worse, no significant change, not tested); "
                        + "the label gives both medians.");
    }

    private static LegendItemCollection legend() {
        LegendItemCollection items = new LegendItemCollection();
        for (Verdict v : Verdict.values()) {
            items.add(new LegendItem(v.label(), null, null, null, new Rectangle2D.Double(-7, -7, 14, 14), VerdictColors.of(v)));
        }
        return items;
    }

    private static String name(RunInfo run) {
        String commit = run.commit() == null ? "" : " @" + run.commit().substring(0, Math.min(8, run.commit().length()));
        return run.runId() + commit;
    }

    /** Three significant digits, grouped thousands: {@code 1,234}, {@code 12.3}, {@code 0.0123}. */
    static String value(double v) {
        if (v == 0) {
            return "0";
        }
        double magnitude = Math.floor(Math.log10(Math.abs(v)));
        int decimals = (int) Math.max(0, 2 - magnitude);
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
