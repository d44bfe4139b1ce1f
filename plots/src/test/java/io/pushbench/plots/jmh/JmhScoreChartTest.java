package io.pushbench.plots.jmh;

import io.pushbench.plots.render.ChartFiles;
import io.pushbench.plots.render.RenderedChart;
import io.pushbench.report.jmh.JmhJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JmhScoreChartTest {

    @Test
    void drawsScoresWithErrorBarsAndAuxCountersOfARealJmhRun(@TempDir Path out) throws Exception {
        Path json = Path.of(JmhScoreChartTest.class.getResource("ws-frame-encoder-avgt.json").toURI());

        List<RenderedChart> charts = JmhScoreChart.write(JmhJson.read(json), out);

        assertThat(charts).singleElement().satisfies(c -> assertThat(c.fileStem()).isEqualTo("jmh-WebSocketFrameEncoderBenchmark-avgt"));
        List<String> texts = ChartFiles.assertReadableAndGetTexts(charts.get(0));
        assertThat(texts).contains("baseline", "encodeFrame", "encodeFrame: wireBytesPerOp",
                "Score (ns/op, lower is better)", "Counted per operation (B/op)", "Benchmark method and parameters");
        assertThat(texts).as("one category per parameter set, a line per parameter")
                .contains("deflate=false", "deflate=true", "payloadBytes=16", "payloadBytes=64", "payloadBytes=1024");
        assertThat(texts).anyMatch(t -> t.startsWith("JMH WebSocketFrameEncoderBenchmark"));
        assertThat(texts).as("JMH's totals (#) are not drawn as per-op figures").doesNotContain("encodeFrame: wireBytes");
    }
}
