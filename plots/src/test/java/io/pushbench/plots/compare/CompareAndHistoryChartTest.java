package io.pushbench.plots.compare;

import io.pushbench.plots.render.ChartFiles;
import io.pushbench.plots.render.RenderedChart;
import io.pushbench.report.compare.ComparisonJson;
import io.pushbench.report.compare.ComparisonReport;
import io.pushbench.report.compare.HistoryPoint;
import io.pushbench.report.compare.HistoryReport;
import io.pushbench.report.compare.MetricSeries;
import io.pushbench.report.compare.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompareAndHistoryChartTest {

    private static Path fixture(String name) throws Exception {
        return Path.of(CompareAndHistoryChartTest.class.getResource(name).toURI());
    }

    @Test
    void compareChartShowsEveryMetricWithBothMediansAndItsVerdict(@TempDir Path out) throws Exception {
        ComparisonReport comparison = ComparisonJson.readComparison(fixture("jmh-comparison.json"));

        List<RenderedChart> charts = CompareChart.write(comparison, out);

        assertThat(charts).hasSize(1);
        List<String> texts = ChartFiles.assertReadableAndGetTexts(charts.get(0));
        assertThat(texts).contains("Change of the candidate's median from the base's (%)", "Subject · metric",
                "better", "worse", "no significant change", "not tested",
                "encodeFrame [deflate=true, payloadBytes=64] · wireBytesPerOp", "74.0 → 74.0 B/op",
                "+0.0% no significant change", "+43.8% not tested");
        assertThat(texts).anyMatch(t -> t.contains("WebSocketFrameEncoderBenchmark") && t.contains("outcome: pass"));
    }

    @Test
    void historyChartDrawsOneLinePerSubjectAcrossRuns(@TempDir Path out) throws Exception {
        HistoryReport history = ComparisonJson.readHistory(fixture("jmh-history.json"));

        List<RenderedChart> charts = HistoryChart.write(history, List.of("wireBytesPerOp"), out);

        assertThat(charts).singleElement().satisfies(c -> assertThat(c.fileStem()).isEqualTo("history-wireBytesPerOp"));
        List<String> texts = ChartFiles.assertReadableAndGetTexts(charts.get(0));
        assertThat(texts).contains("History of wireBytesPerOp across commits", "Run (commit order)",
                "wireBytesPerOp (B/op, smaller is better)", "r1", "r2", "r3");
        assertThat(texts).anyMatch(t -> t.startsWith("encodeFrame [config="));
    }

    @Test
    void historyOfManySubjectsIsSplitIntoReadablePages(@TempDir Path out) throws Exception {
        HistoryReport history = ComparisonJson.readHistory(fixture("jmh-history.json"));
        long scoreSeries = history.series().stream().filter(s -> s.metric().equals("score")).count();

        List<RenderedChart> charts = HistoryChart.write(history, List.of("score"), out);

        assertThat(charts).hasSize((int) ((scoreSeries + HistoryChart.SERIES_PER_CHART - 1) / HistoryChart.SERIES_PER_CHART));
        assertThat(charts.get(0).fileStem()).isEqualTo("history-score-1");
    }

    @Test
    void aSignificantStepIsMarkedWithItsChange(@TempDir Path out) throws Exception {
        HistoryReport real = ComparisonJson.readHistory(fixture("jmh-history.json"));
        MetricSeries series = real.series().stream().filter(s -> s.points().size() == 2).findFirst().orElseThrow();
        // the real runs are too short for a significant step: mark the second point as one, to see it drawn
        HistoryPoint second = series.points().get(1);
        List<HistoryPoint> points = new ArrayList<>(List.of(series.points().get(0), new HistoryPoint(second.runId(),
                second.commit(), second.startTime(), second.median(), second.samples(), 20.0, 0.008, Verdict.WORSE)));
        HistoryReport stepped = new HistoryReport(real.schemaVersion(), real.folder(), real.thresholds(), real.runs(),
                real.skipped(), List.of(new MetricSeries(series.subject(), series.strategy(), series.parameters(),
                series.metric(), series.unit(), series.betterWhen(), series.kind(), points)));

        List<String> texts = ChartFiles.assertReadableAndGetTexts(HistoryChart.write(stepped, List.of(), out).get(0));

        assertThat(texts).contains("worse +20.0%");
    }

    @Test
    void askingForAMetricTheHistoryLacksNamesTheOnesItHas(@TempDir Path out) throws Exception {
        HistoryReport history = ComparisonJson.readHistory(fixture("jmh-history.json"));

        assertThatThrownBy(() -> HistoryChart.write(history, List.of("latency.p99"), out))
                .hasMessageContaining("no series of [latency.p99]").hasMessageContaining("score");
    }
}
