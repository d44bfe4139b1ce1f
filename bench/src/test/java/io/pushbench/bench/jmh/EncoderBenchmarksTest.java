package io.pushbench.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.pushbench.bench.jmh.QuickJmhRun.result;
import static io.pushbench.bench.jmh.QuickJmhRun.secondary;
import static org.assertj.core.api.Assertions.assertThat;

class EncoderBenchmarksTest {

    @Test
    void webSocketEncoderReportsTimeAndExactWireBytesPerOp(@TempDir Path dir) throws Exception {
        List<JsonNode> results = QuickJmhRun.run(dir, "WebSocketFrameEncoderBenchmark");

        JsonNode plain = result(results, "encodeFrame", "deflate", "false", "payloadBytes", "64");
        assertThat(plain.at("/primaryMetric/score").asDouble()).isPositive();
        assertThat(plain.at("/primaryMetric/scoreUnit").asText()).isEqualTo("ns/op");
        // 2-byte frame header + "1234567\n" seq prefix + 64 payload bytes, every time
        assertThat(secondary(plain, "wireBytesPerOp")).isEqualTo(2 + 8 + 64);
        assertThat(secondary(plain, "wireBytes")).isPositive();

        JsonNode deflated = result(results, "encodeFrame", "deflate", "true", "payloadBytes", "64");
        assertThat(secondary(deflated, "wireBytesPerOp")).isPositive().isLessThan(2 + 8 + 64 + 16);
        assertThat(result(results, "baseline", "deflate", "false").at("/primaryMetric/score").asDouble()).isPositive();
    }
}
