package io.pushbench.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushbench.bench.jmh.wire.ServerEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.pushbench.bench.jmh.QuickJmhRunner.result;
import static io.pushbench.bench.jmh.QuickJmhRunner.secondary;
import static org.assertj.core.api.Assertions.assertThat;

/** One benchmark of each kind, quick profile, through JMH's real runner: scores and counters are in the JSON. */
class QuickProfileBenchmarksTest {

    @Test
    void encodingAndDecodingReportTimeAndTheSameWireBytesPerOpForEveryStrategy(@TempDir Path dir) throws Exception {
        List<JsonNode> results = QuickJmhRunner.run(dir, "(ServerEncodingBenchmark|ClientDecodingBenchmark)\\.(encode|decode)$");

        for (ServerEncoding encoding : ServerEncoding.values()) {
            JsonNode encode = result(results, "encode", "encoding", encoding.name(), "payloadBytes", "64");
            JsonNode decode = result(results, "decode", "encoding", encoding.name(), "payloadBytes", "64");
            assertThat(encode.at("/primaryMetric/score").asDouble()).as("%s encode ns/op", encoding).isPositive();
            assertThat(decode.at("/primaryMetric/score").asDouble()).as("%s decode ns/op", encoding).isPositive();
            assertThat(secondary(encode, "wireBytesPerOp")).as("%s encode B/op", encoding).isPositive();
            if (encoding != ServerEncoding.WS_FRAME_DEFLATE) {   // deflated sizes vary with the window
                assertThat(secondary(decode, "wireBytesPerOp")).isEqualTo(secondary(encode, "wireBytesPerOp"));
            }
        }
        // 2-byte frame header + "1000000\n" + 64 payload bytes, every message
        assertThat(secondary(result(results, "encode", "encoding", "WS_FRAME"), "wireBytesPerOp")).isEqualTo(2 + 8 + 64);
    }

    @Test
    void messageLogBenchmarksReportPublishThroughputAndFanOutTime(@TempDir Path dir) throws Exception {
        List<JsonNode> results = QuickJmhRunner.run(dir, "MessageLog.*Benchmark\\.publish", "subscribers", "100");

        assertThat(result(results, "publish").at("/primaryMetric/scoreUnit").asText()).isEqualTo("ops/us");
        assertThat(result(results, "publish").at("/primaryMetric/score").asDouble()).isPositive();
        JsonNode fanOut = result(results, "publishAndReadByEveryCursor", "subscribers", "100");
        assertThat(fanOut.at("/primaryMetric/score").asDouble()).isPositive();
    }
}
