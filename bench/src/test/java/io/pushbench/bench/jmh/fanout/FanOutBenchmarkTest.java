package io.pushbench.bench.jmh.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushbench.bench.jmh.MessageSource;
import io.pushbench.bench.jmh.QuickJmhRunner;
import io.pushbench.bench.jmh.wire.ServerEncoding;
import io.pushbench.bench.jmh.wire.WireRecording;
import io.pushbench.model.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.pushbench.bench.jmh.QuickJmhRunner.result;
import static io.pushbench.bench.jmh.QuickJmhRunner.secondary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/** The fan-out benchmark, quick profile, through JMH's real runner, with real server and clients on loopback. */
class FanOutBenchmarkTest {
    private static final int CLIENTS = 100;

    @Test
    void fanOutReportsPercentilesAndPerOpCountsThatAgreeWithTheServer(@TempDir Path dir) throws Exception {
        List<JsonNode> results = QuickJmhRunner.run(dir, "jmh\\.fanout\\.FanOutBenchmark", "clients", String.valueOf(CLIENTS));

        for (Strategy strategy : Strategy.values()) {
            JsonNode r = result(results, "publishAndAwaitAll", "strategy", strategy.name());
            assertThat(r.at("/mode").asText()).isEqualTo("sample");
            assertThat(r.at("/primaryMetric/scorePercentiles/50.0").asDouble()).as("%s p50", strategy).isPositive();
            assertThat(r.at("/primaryMetric/scorePercentiles/99.0").asDouble()).as("%s p99", strategy).isPositive();
            assertThat(secondary(r, "appBytesDownPerOp")).as("%s bytes down/op", strategy).isPositive();
            assertThat(secondary(r, "appBytesUpPerOp")).as("%s bytes up/op", strategy).isGreaterThanOrEqualTo(0);
        }

        // pushes: no requests after the connection, every client gets one event/frame per operation,
        // and the clients' count of it equals the server's count and the encoding benchmark's bytes
        for (Strategy push : List.of(Strategy.SSE, Strategy.WEBSOCKET)) {
            JsonNode r = result(results, "publishAndAwaitAll", "strategy", push.name());
            int messageBytes = oneMessageBytes(push == Strategy.SSE ? ServerEncoding.SSE_EVENT : ServerEncoding.WS_FRAME);
            assertThat(secondary(r, "requestsPerOp")).as("%s requests/op", push).isZero();
            assertThat(secondary(r, "appBytesDownPerOp")).as("%s", push).isEqualTo(CLIENTS * messageBytes);
            assertThat(secondary(r, "serverBytesWrittenPerOp")).as("%s", push).isEqualTo(CLIENTS * messageBytes);
        }

        // long polling: one answer with the message per client per operation, one new request each
        JsonNode longPoll = result(results, "publishAndAwaitAll", "strategy", "LONG_POLLING");
        int answerBytes = oneMessageBytes(ServerEncoding.POLL_ANSWER);
        assertThat(secondary(longPoll, "appBytesDownPerOp")).isEqualTo(CLIENTS * answerBytes);
        assertThat(secondary(longPoll, "serverBytesWrittenPerOp")).isEqualTo(CLIENTS * answerBytes);
        assertThat(secondary(longPoll, "emptyResponsesPerOp")).isZero();
        // a client's next request may fall just before or after an iteration's snapshot
        assertThat(secondary(longPoll, "requestsPerOp")).isCloseTo(CLIENTS, withinPercentage(25));

        // short polling: every client polls at least once per operation to get the message
        JsonNode shortPoll = result(results, "publishAndAwaitAll", "strategy", "SHORT_POLLING");
        assertThat(secondary(shortPoll, "requestsPerOp")).isGreaterThanOrEqualTo(CLIENTS);
        assertThat(secondary(shortPoll, "appBytesDownPerOp")).isGreaterThanOrEqualTo(CLIENTS * answerBytes);
    }

    /** The wire bytes of one 64-byte message with a 7-digit seq, as the encoding benchmarks produce it. */
    private static int oneMessageBytes(ServerEncoding encoding) {
        return WireRecording.record(encoding, new MessageSource(64)).messages()[0].length;
    }
}
