package io.pushbench.compare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.compare.SyntheticRuns;
import io.pushbench.compare.SyntheticRuns.Spec;
import io.pushbench.report.compare.ComparisonReport;
import io.pushbench.report.compare.MetricComparison;
import io.pushbench.report.compare.MetricKind;
import io.pushbench.report.compare.Verdict;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compare on two real JMH result files of the quick profile (see the README beside the fixtures). */
class CompareJmhTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CompareJmhTest.class.getResource("/io/pushbench/compare/jmh/" + name).toURI());
    }

    @Test
    void comparesEveryBenchmarkAndParameterSet() throws Exception {
        CommandRun run = CommandRun.of(new CompareCommand(), fixture("quick-base.json").toString(),
                fixture("quick-candidate.json").toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        ComparisonReport report = CompareCommandTest.parse(run.out());
        assertThat(report.kind()).isEqualTo("jmh");
        assertThat(report.configurationDifferences()).isEmpty();
        assertThat(report.onlyInBase()).isEmpty();
        assertThat(report.onlyInCandidate()).isEmpty();
        assertThat(report.metrics()).extracting(MetricComparison::subject).containsOnly(
                "WebSocketFrameEncoderBenchmark.baseline [deflate=false, payloadBytes=64]",
                "WebSocketFrameEncoderBenchmark.baseline [deflate=true, payloadBytes=64]",
                "WebSocketFrameEncoderBenchmark.encodeFrame [deflate=false, payloadBytes=64]",
                "WebSocketFrameEncoderBenchmark.encodeFrame [deflate=true, payloadBytes=64]");
        // baseline: score; encodeFrame: score and wireBytesPerOp (the wireBytes total, unit #, is left out)
        assertThat(report.metrics()).hasSize(2 + 2 * 2);

        MetricComparison score = metric(report, "encodeFrame", "false", "score");
        assertThat(score.unit()).isEqualTo("ns/op");
        assertThat(score.baseSamples()).hasSize(3);
        // 3 iterations against 3 can never reach p <= 0.05 (smallest possible p = 2/20 = 0.1): said, not guessed
        assertThat(score.verdict()).isEqualTo(Verdict.NOT_TESTED);
        assertThat(score.reason()).isEqualTo("3 vs 3 repeats: not tested (smallest possible p 0.100 > alpha 0.05)");

        MetricComparison bytes = metric(report, "encodeFrame", "false", "wireBytesPerOp");
        assertThat(bytes.kind()).isEqualTo(MetricKind.EXACT_COUNT);
        assertThat(bytes.unit()).isEqualTo("B/op");
        assertThat(bytes.baseMedian()).isEqualTo(74.0);
        assertThat(bytes.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(bytes.reason()).isEqualTo("exact count: equal");
        assertThat(bytes.gated()).isTrue();

        MetricComparison deflated = metric(report, "encodeFrame", "true", "wireBytesPerOp");
        assertThat(deflated.baseMedian()).isBetween(71.0, 73.0);
        assertThat(deflated.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(report.warnings()).anyMatch(w -> w.contains("run-metadata.json"));
    }

    @Test
    void aLooserAlphaLetsThreeIterationsBeTested() throws Exception {
        CommandRun run = CommandRun.of(new CompareCommand(), fixture("quick-base.json").toString(),
                fixture("quick-candidate.json").toString(), "--format", "json", "--alpha", "0.2");

        ComparisonReport report = CompareCommandTest.parse(run.out());
        MetricComparison score = metric(report, "encodeFrame", "false", "score");
        assertThat(score.test()).isEqualTo("Mann-Whitney U, exact");
        // base ranks 3, 4, 5 of the 6 pooled iterations: U = 6, P(U >= 6) = 7/20, two-sided 0.7 (by hand; scipy agrees)
        assertThat(score.pValue()).isCloseTo(0.7, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(score.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(score.reason()).isEqualTo("p = 0.7000 > 0.2");
    }

    @Test
    void aLoadReportAndAJmhResultAreNotCompared(@TempDir Path dir) throws Exception {
        Path load = SyntheticRuns.write(Spec.base(1, 1), dir.resolve("load"));

        CommandRun run = CommandRun.of(new CompareCommand(), load.toString(), fixture("quick-base.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot compare a load result").contains("with a jmh result");
    }

    private static MetricComparison metric(ComparisonReport report, String method, String deflate, String metric) {
        return report.metrics().stream()
                .filter(m -> m.subject().contains("." + method + " ") && m.parameters().equals(
                        Map.of("deflate", deflate, "payloadBytes", "64")) && m.metric().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError("no " + method + " deflate=" + deflate + " " + metric));
    }
}
