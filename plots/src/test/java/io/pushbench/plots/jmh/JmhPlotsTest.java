package io.pushbench.plots.jmh;

import io.pushbench.plots.PlotInputException;
import io.pushbench.plots.PlotOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JmhPlotsTest {

    @Test
    void aJmhRunFolderGetsItsChartsAndReports(@TempDir Path run) throws Exception {
        Path json = run.resolve("jmh.json");
        Files.copy(Path.of(JmhPlotsTest.class.getResource("ws-frame-encoder-avgt.json").toURI()), json);

        PlotOutput out = JmhPlots.plot(json);

        assertThat(out.charts()).hasSize(1);
        assertThat(Files.readString(out.html())).contains("encodeFrame", "wireBytesPerOp", "deflate=true, payloadBytes=1024",
                "no run-metadata.json beside jmh.json", "<a href=\"jmh.json\">").doesNotContain("Valid run", "Invalid run");
        assertThat(Files.readString(out.markdown())).contains("| WebSocketFrameEncoderBenchmark.encodeFrame | deflate=false, payloadBytes=64 | avgt |");
    }

    @Test
    void theWrappersMetadataNamesTheRunAndItsEnvironment(@TempDir Path run) throws Exception {
        for (String file : new String[] {"jmh.json", "run-metadata.json"}) {
            Files.copy(Path.of(JmhPlotsTest.class.getResource("server-encoding-quick/" + file).toURI()), run.resolve(file));
        }

        PlotOutput out = JmhPlots.plot(run.resolve("jmh.json"));

        assertThat(Files.readString(out.html())).contains("pushbench JMH run plots-jmhrun", "AMD EPYC",
                "Debian GNU/Linux 12 (bookworm)", "6.18.44-fc-v657", "<a href=\"run-metadata.json\">",
                "encoding=WS_FRAME_DEFLATE");
        assertThat(out.charts().get(0).png()).exists();
    }

    @Test
    void aLoadReportIsNotTakenForJmh(@TempDir Path dir) throws Exception {
        Path report = Files.writeString(dir.resolve("jmh.json"), "{\"schemaVersion\": 1}");

        assertThatThrownBy(() -> JmhPlots.plot(report)).isInstanceOf(PlotInputException.class)
                .hasMessageContaining("not a JMH result file");
        assertThatThrownBy(() -> JmhPlots.plot(dir.resolve("absent.json"))).isInstanceOf(PlotInputException.class)
                .hasMessageContaining("no such JMH result file");
    }
}
