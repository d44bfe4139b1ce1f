package io.pushbench.bench.metrics;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TcpInfoSamplerTest {

    private static final String LINE = "0      0      127.0.0.%d:%d 127.0.0.1:8080 bbr wscale:10,10 rto:204 "
            + "rtt:0.028/0.014 mss:32768 cwnd:11 bytes_sent:%d bytes_acked:101 bytes_received:%d segs_out:%d "
            + "segs_in:%d data_segs_out:1 data_segs_in:1 send 102985142857bps lastsnd:116\n";

    @Test
    void deltaSumsCountersOfEverySocketAndSkipsThePublisher() throws IOException {
        TcpInfoSampler sampler = new TcpInfoSampler(8080, Set.of(40000));
        TcpInfoSampler.Sample start = sampler.parse(
                String.format(LINE, 2, 50000, 100, 50, 4, 3) + String.format(LINE, 3, 50001, 10, 10, 2, 2)
                        + String.format(LINE, 1, 40000, 999, 999, 99, 99));
        TcpInfoSampler.Sample end = sampler.parse(
                String.format(LINE, 2, 50000, 300, 150, 10, 9) + String.format(LINE, 4, 50002, 20, 30, 3, 4)
                        + String.format(LINE, 1, 40000, 5000, 5000, 500, 500));

        TcpInfoSampler.Delta d = end.minus(start);

        assertThat(d.sockets()).isEqualTo(2);
        assertThat(d.socketsClosed()).isEqualTo(1);
        assertThat(d.upPayloadBytes()).isEqualTo(200 + 20);
        assertThat(d.downPayloadBytes()).isEqualTo(100 + 30);
        assertThat(d.upSegments()).isEqualTo(6 + 3);
        assertThat(d.downSegments()).isEqualTo(6 + 4);
    }

    @Test
    void outputWithoutCountersIsReportedAsUnsupported() {
        TcpInfoSampler sampler = new TcpInfoSampler(8080, Set.of());
        assertThatThrownBy(() -> sampler.parse("0 0 127.0.0.1:5 127.0.0.1:8080 cubic rto:204\n"))
                .hasMessageContaining("no byte/segment counters");
    }

    @Test
    void headerSizeIncludesTheTimestampOptionWhenEnabled() {
        assertThat(TcpInfoSampler.headerBytesPerSegment()).isIn(40, 52);
    }
}
