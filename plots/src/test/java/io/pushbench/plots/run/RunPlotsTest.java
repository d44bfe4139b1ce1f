package io.pushbench.plots.run;

import io.pushbench.plots.ChartKind;
import io.pushbench.plots.PlotInputException;
import io.pushbench.plots.PlotOutput;
import io.pushbench.plots.render.ChartFiles;
import io.pushbench.plots.render.RenderedChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunPlotsTest {

    private static final List<String> STRATEGIES = List.of("Short polling", "Long polling", "Server-Sent Events", "WebSocket");

    private static Map<String, RenderedChart> byStem(PlotOutput out) {
        return out.charts().stream().collect(Collectors.toMap(RenderedChart::fileStem, Function.identity()));
    }

    @Test
    void everyPerStrategyChartOfARealRunIsDrawnReadableAndLabelled(@TempDir Path dir) throws Exception {
        Path run = RealRuns.copy(RealRuns.SMALL_ALL, dir);

        PlotOutput out = RunPlots.plot(run, EnumSet.allOf(ChartKind.class), List.of());

        Map<String, RenderedChart> charts = byStem(out);
        assertThat(charts).containsOnlyKeys("latency-distribution", "bytes-per-message", "requests-per-message",
                "cpu-per-message", "over-time");
        assertThat(ChartFiles.assertReadableAndGetTexts(charts.get("latency-distribution")))
                .containsAll(STRATEGIES)
                .contains("Percentile (log scale of nines: each step is 10× rarer)",
                        "Delivery latency from scheduled publish time (ms)", "0%", "90%", "99%");
        assertThat(ChartFiles.assertReadableAndGetTexts(charts.get("bytes-per-message")))
                .contains("Payload", "Framing", "HTTP headers", "TCP/IP headers and ACKs (kernel)",
                        "Bytes per delivered message (B)", "Short polling", "up", "down", "WebSocket");
        assertThat(ChartFiles.assertReadableAndGetTexts(charts.get("requests-per-message")))
                .containsAll(STRATEGIES)
                .contains("HTTP requests per delivered message", "Requests answered with messages (solid)",
                        "Empty responses (nothing to deliver) (hatched)", "Strategy");
        assertThat(ChartFiles.assertReadableAndGetTexts(charts.get("cpu-per-message")))
                .containsAll(STRATEGIES)
                .contains("CPU time per delivered message (µs)", "Server CPU (solid)", "Load generator CPU (hatched)");
        assertThat(ChartFiles.assertReadableAndGetTexts(charts.get("over-time")))
                .containsAll(STRATEGIES)
                .contains("Deliveries/s", "p99 latency (ms)", "Connected clients",
                        "Time since the start of the measured window (s)", "end of measured window");
        for (RenderedChart c : out.charts()) {
            assertThat(ChartFiles.assertReadableAndGetTexts(c)).as(c.fileStem() + " says its workload")
                    .contains("20 clients · 1 topic (broadcast) · 2 msg/s per topic · 64 B payload · poll every 500 ms · "
                            + "long-poll hold 2 s · 4 s measured");
        }
    }

    @Test
    void theHtmlAndMarkdownReportsCarryTheHeadlineAndEveryChart(@TempDir Path dir) throws Exception {
        Path run = RealRuns.copy(RealRuns.SMALL_ALL, dir);

        PlotOutput out = RunPlots.plot(run, EnumSet.allOf(ChartKind.class), List.of());

        String html = Files.readString(out.html());
        assertThat(html).contains("Valid run", "<td>Short polling</td>", "<td>160</td>", "<a href=\"report.json\">",
                "<a href=\"ws.hlog\">", "AMD EPYC", "--clients 20");
        assertThat(html.split("data:image/svg\\+xml;base64,", -1)).hasSize(out.charts().size() + 1);
        String md = Files.readString(out.markdown());
        for (RenderedChart c : out.charts()) {
            assertThat(md).contains("](" + c.fileStem() + ".png)");
        }
    }

    @Test
    void aSweepGetsItsChartsWithTheModelBesideTheMeasurements(@TempDir Path dir) throws Exception {
        Path run = RealRuns.copy(RealRuns.SMALL_SWEEP, dir);

        PlotOutput out = RunPlots.plot(run, EnumSet.allOf(ChartKind.class), List.of());

        Map<String, RenderedChart> charts = byStem(out);
        assertThat(charts).containsKeys("sweep-bytes", "sweep-requests", "sweep-empty", "sweep-mean-latency",
                "sweep-p99-latency", "sweep-cpu", "latency-distribution-rate-0.5", "bytes-per-message-rate-8",
                "over-time-rate-2");
        List<String> requests = ChartFiles.assertReadableAndGetTexts(charts.get("sweep-requests"));
        assertThat(requests).contains("HTTP requests per delivered message against publish rate per topic",
                "Publish rate per topic (msg/s)", "HTTP requests per delivered message", "Short polling",
                "Short polling (model)", "Long polling", "WebSocket", "0.5", "2", "8");
        assertThat(requests).as("the swept rate is on the x axis, not in the subtitle")
                .noneMatch(t -> t.contains("msg/s per topic"));
        assertThat(ChartFiles.assertReadableAndGetTexts(charts.get("latency-distribution-rate-0.5")))
                .anyMatch(t -> t.startsWith("rate = 0.5 · 20 clients"));
    }

    @Test
    void onlyTheAskedChartsAreDrawn(@TempDir Path dir) throws Exception {
        Path run = RealRuns.copy(RealRuns.SMALL_SWEEP, dir);

        PlotOutput out = RunPlots.plot(run, EnumSet.of(ChartKind.SWEEP), List.of(io.pushbench.plots.sweep.SweepMetric.EMPTY_SHARE));

        assertThat(out.charts()).extracting(RenderedChart::fileStem).containsExactly("sweep-empty");
    }

    @Test
    void aSweepChartOfARunWithoutASweepIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path run = RealRuns.copy(RealRuns.SMALL_ALL, dir);

        assertThatThrownBy(() -> RunPlots.plot(run, EnumSet.of(ChartKind.SWEEP), List.of()))
                .isInstanceOf(PlotInputException.class)
                .hasMessageContaining("has no sweep, so there is no sweep chart to draw")
                .hasMessageContaining("--sweep NAME=v1,v2");
    }

    @Test
    void aReportOfAnotherSchemaVersionIsRefused(@TempDir Path dir) throws Exception {
        Path run = RealRuns.copy(RealRuns.SMALL_ALL, dir);
        Path report = run.resolve("report.json");
        Files.writeString(report, Files.readString(report).replace("\"schemaVersion\": 1,", "\"schemaVersion\": 99,"));

        assertThatThrownBy(() -> RunPlots.plot(run, EnumSet.allOf(ChartKind.class), List.of()))
                .isInstanceOf(PlotInputException.class)
                .hasMessageContaining("report schema version 99 is not supported");
    }

    @Test
    void aFolderWithoutReportOrAMissingLogIsNamed(@TempDir Path dir) throws Exception {
        Path run = RealRuns.copy(RealRuns.SMALL_ALL, dir);
        Files.delete(run.resolve("sse.hlog"));

        assertThatThrownBy(() -> RunPlots.plot(dir, EnumSet.allOf(ChartKind.class), List.of()))
                .isInstanceOf(PlotInputException.class).hasMessageContaining("no report.json in " + dir);
        assertThatThrownBy(() -> RunPlots.plot(run, EnumSet.of(ChartKind.TIMELINE), List.of()))
                .isInstanceOf(PlotInputException.class).hasMessageContaining("no such interval log: " + run.resolve("sse.hlog"));
        assertThat(RunPlots.plot(run, EnumSet.allOf(ChartKind.class), List.of()).charts())
                .as("drawing everything, a missing log leaves the others").isNotEmpty();
    }
}
