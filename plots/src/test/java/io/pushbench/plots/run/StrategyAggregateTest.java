package io.pushbench.plots.run;

import io.pushbench.report.ReportJson;
import io.pushbench.report.RunReport;
import io.pushbench.report.StrategyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StrategyAggregateTest {

    @Test
    void aSingleResultAggregatesToTheReportsOwnFigures(@TempDir Path dir) throws Exception {
        RunReport report = ReportJson.read(RealRuns.copy(RealRuns.SMALL_ALL, dir).resolve("report.json"));

        for (StrategyResult r : report.results()) {
            StrategyAggregate a = StrategyAggregate.of(List.of(r));

            assertThat(a.delivered()).isEqualTo(r.delivery().delivered());
            assertThat(a.perDelivery(a.totalBytes(a.upBytes())).orElseThrow())
                    .isCloseTo(r.applicationBytes().upBytesPerDelivery(), within(1e-9));
            assertThat(a.perDelivery(a.totalBytes(a.downBytes())).orElseThrow())
                    .isCloseTo(r.applicationBytes().downBytesPerDelivery(), within(1e-9));
            assertThat(a.totalBytes(a.upBytes())).isEqualTo(r.applicationBytes().up().totalBytes());
            assertThat(a.tcpIpUpBytes()).contains(r.networkBytes().upBytes() - r.networkBytes().upTcpPayloadBytes());
            assertThat(a.latencyMicros().getTotalCount()).isEqualTo(r.latency().fromScheduled().count());
            assertThat(a.latencyMicros().getValueAtPercentile(99)).isEqualTo(r.latency().fromScheduled().p99Micros());
            if (r.requests().requestsPerDelivery() != null) {
                assertThat(a.perDelivery(a.requests()).orElseThrow()).isCloseTo(r.requests().requestsPerDelivery(), within(1e-9));
            }
        }
    }

    @Test
    void repeatsAreSummedNotAveraged(@TempDir Path dir) throws Exception {
        RunReport report = ReportJson.read(RealRuns.copy(RealRuns.SMALL_ALL, dir).resolve("report.json"));
        StrategyResult poll = report.results().get(0);

        StrategyAggregate twice = StrategyAggregate.of(List.of(poll, poll));

        assertThat(twice.delivered()).isEqualTo(2 * poll.delivery().delivered());
        assertThat(twice.latencyMicros().getTotalCount()).isEqualTo(2 * poll.latency().fromScheduled().count());
        assertThat(twice.perDelivery(twice.totalBytes(twice.downBytes())).orElseThrow())
                .isCloseTo(poll.applicationBytes().downBytesPerDelivery(), within(1e-9));
    }
}
