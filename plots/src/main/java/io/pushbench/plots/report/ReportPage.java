package io.pushbench.plots.report;

import io.pushbench.plots.render.RenderedChart;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run's report shows, in reading order: verdict, headline table, charts, configuration,
 * environment, raw files. Written as HTML by {@link HtmlReport} and as Markdown by {@link MarkdownReport}.
 *
 * @param title         e.g. {@code "pushbench run 20261125T154500Z-3f2a"}
 * @param workload      the workload in one line, e.g. {@code "1000 clients · broadcast · 1 msg/s · 64 B payload"}
 * @param verdict       the run's verdict (valid, saturated, invalid); {@code null} for runs without one (JMH)
 * @param invalidReasons why the run is saturated or invalid; empty when valid
 * @param headline      the headline table: one row per strategy (per sweep point)
 * @param charts        the charts, in reading order
 * @param configuration parameter name to value, as run
 * @param environment   e.g. {@code "CPU" -> "AMD EPYC 7B13"}, {@code "JVM" -> "17.0.15"}
 * @param rawFiles      file names in the run folder (relative links), e.g. {@code report.json}, {@code sse.hlog}
 */
public record ReportPage(
        String title,
        String workload,
        io.pushbench.report.RunVerdict verdict,
        List<String> invalidReasons,
        Table headline,
        List<RenderedChart> charts,
        Map<String, String> configuration,
        Map<String, String> environment,
        List<String> rawFiles) {

    public ReportPage {
        invalidReasons = List.copyOf(invalidReasons);
        charts = List.copyOf(charts);
        configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        rawFiles = List.copyOf(rawFiles);
    }

    /**
     * A table of text cells.
     *
     * @param columns column headings, with units, e.g. {@code "p99 (ms)"}
     * @param rows    each as many cells as there are columns
     */
    public record Table(List<String> columns, List<List<String>> rows) {

        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells, expected "
                            + columns.size());
                }
            }
        }
    }
}
