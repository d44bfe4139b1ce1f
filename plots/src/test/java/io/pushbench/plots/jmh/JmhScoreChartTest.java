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
        Path json = Path.of(JmhScoreChartTest.class.getResource("sse-encode-avgt.json").toURI());

        List<RenderedChart> charts = JmhScoreChart.write(JmhJson.read(json), out);

        assertThat(charts).singleElement().satisfies(c -> assertThat(c.fileStem()).isEqualTo("jmh-SseEventEncodeBenchmark-avgt"));
        List<String> texts = ChartFiles.assertReadableAndGetTexts(charts.get(0));
        assertThat(texts).contains("baseline", "encodeEvent", "encodeEvent: bytesDown",
                "Score (ns/op, lower is better)", "@AuxCounters (#)",
                "payloadBytes=16", "payloadBytes=64", "payloadBytes=1024", "Benchmark method and parameters");
        assertThat(texts).anyMatch(t -> t.startsWith("JMH SseEventEncodeBenchmark"));
    }
}
