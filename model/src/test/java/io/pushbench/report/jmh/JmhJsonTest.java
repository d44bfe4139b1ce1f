package io.pushbench.report.jmh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JmhJsonTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(JmhJsonTest.class.getResource(name).toURI());
    }

    @Test
    void readsEveryBenchmarkAndParameterSetOfARealJmhFile() throws Exception {
        List<JmhResult> results = JmhJson.read(fixture("sse-encode-avgt.json"));

        assertThat(results).hasSize(6);
        JmhResult encode64 = results.stream()
                .filter(r -> r.method().equals("encodeEvent") && r.params().get("payloadBytes").equals("64"))
                .findFirst().orElseThrow();
        assertThat(encode64.benchmarkClass()).isEqualTo("gen.SseEventEncodeBenchmark");
        assertThat(encode64.mode()).isEqualTo("avgt");
        assertThat(encode64.paramsText()).isEqualTo("payloadBytes=64");
        assertThat(encode64.primaryMetric().scoreUnit()).isEqualTo("ns/op");
        assertThat(encode64.primaryMetric().score()).isEqualTo(483.2969523375573);
        assertThat(encode64.primaryMetric().rawData()).hasSize(1).first().asList().hasSize(3);
        assertThat(encode64.auxCounters()).containsOnlyKeys("bytesDown");
    }

    @Test
    void counterWithoutErrorReadsAsNaN() throws Exception {
        JmhMetric bytes = JmhJson.read(fixture("sse-encode-avgt.json")).get(3).secondaryMetrics().get("bytesDown");

        assertThat(bytes.scoreError()).isNaN();
        assertThat(bytes.scoreErrorOrZero()).isZero();
    }

    @Test
    void missingFileIsNoSuchFile(@TempDir Path dir) {
        assertThatThrownBy(() -> JmhJson.read(dir.resolve("absent.json"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void jsonOfAnotherKindIsRejectedWithTheReason(@TempDir Path dir) throws IOException {
        Path report = Files.writeString(dir.resolve("report.json"), "{\"schemaVersion\": 1, \"results\": []}");
        Path notJson = Files.writeString(dir.resolve("broken.json"), "[{\"benchmark\": ");
        Path wrongEntries = Files.writeString(dir.resolve("other.json"), "[{\"name\": \"x\"}]");

        assertThatThrownBy(() -> JmhJson.read(report)).hasMessageContaining("not a JMH result file");
        assertThatThrownBy(() -> JmhJson.read(notJson)).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> JmhJson.read(wrongEntries)).hasMessageContaining("lacks 'benchmark'");
    }
}
