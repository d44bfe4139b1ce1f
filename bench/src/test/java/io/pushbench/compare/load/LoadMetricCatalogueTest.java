package io.pushbench.compare.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.compare.SyntheticRuns;
import io.pushbench.compare.SyntheticRuns.Spec;
import io.pushbench.compare.run.MetricSamples;
import io.pushbench.report.ReportJson;
import io.pushbench.report.RunReport;
import io.pushbench.report.StrategyResult;
import io.pushbench.report.compare.BetterWhen;
import io.pushbench.report.compare.MetricKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadMetricCatalogueTest {

    @Test
    void latencyPercentilesComeFromTheEmbeddedHistogramOfEachRepeat() throws Exception {
        RunReport report = ReportJson.fromJson(ReportJson.toJson(SyntheticRuns.report(Spec.base(3, 3), "r")));
        List<MetricSamples> metrics = LoadMetricCatalogue.metrics(report.results());

        List<StrategyResult> ws = report.results().subList(0, 3);
        MetricSamples p99 = find(metrics, "ws", "latency.p99");
        MetricSamples p999 = find(metrics, "ws", "latency.p99.9");
        for (int i = 0; i < 3; i++) {
            // the writer's own summary and the decoded histogram agree
            assertThat(p99.values().get(i)).isEqualTo((double) ws.get(i).latency().fromScheduled().p99Micros());
            assertThat(p999.values().get(i)).isEqualTo((double) ws.get(i).latency().fromScheduled().p999Micros());
        }
        assertThat(p99.metric().kind()).isEqualTo(MetricKind.TIMING);
        assertThat(find(metrics, "ws", "bytes.down.per-msg").metric().kind()).isEqualTo(MetricKind.EXACT_COUNT);
        assertThat(find(metrics, "sse", "deliveries.per-sec").metric().betterWhen()).isEqualTo(BetterWhen.BIGGER);
        // network bytes were unavailable in this run: the metric is left out, not zero
        assertThat(metrics).noneMatch(m -> m.metric().id().equals("network.bytes.per-msg"));
        assertThat(metrics.stream().map(m -> m.metric().id()).distinct().toList())
                .isEqualTo(LoadMetricCatalogue.metricIds().stream().filter(id -> !id.startsWith("network")).toList());
    }

    private static MetricSamples find(List<MetricSamples> metrics, String subject, String id) {
        return metrics.stream().filter(m -> m.subject().display().equals(subject) && m.metric().id().equals(id))
                .findFirst().orElseThrow();
    }
}
