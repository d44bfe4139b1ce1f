package io.pushbench.compare.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pushbench.compare.SyntheticRuns;
import io.pushbench.compare.SyntheticRuns.Spec;
import io.pushbench.report.compare.ComparisonReport;
import io.pushbench.report.compare.MetricComparison;
import io.pushbench.report.compare.MetricKind;
import io.pushbench.report.compare.Outcome;
import io.pushbench.report.compare.Verdict;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compare on two real JMH run folders of the quick profile ({@code jmh.json} and {@code run-metadata.json},
 * produced as the README beside them says).
 */
class CompareJmhTest {

    private static final String BASE = "20261125T164102Z-e66b";
    private static final String CANDIDATE = "20261125T164236Z-bbcf";

    private static String folder(String runId) throws URISyntaxException {
        return Path.of(CompareJmhTest.class.getResource("/io/pushbench/compare/jmh/" + runId).toURI()).toString();
    }

    private static ComparisonReport compare(String... extra) throws Exception {
        String[] args = new String[2 + 2 + extra.length];
        args[0] = folder(BASE);
        args[1] = folder(CANDIDATE);
        args[2] = "--format";
        args[3] = "json";
        System.arraycopy(extra, 0, args, 4, extra.length);
        CommandRun run = CommandRun.of(new CompareCommand(), args);
        ComparisonReport report = CompareCommandTest.parse(run.out());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(report.outcome().exitCode());
        return report;
    }

    @Test
    void comparesEveryBenchmarkAndParameterSetOfTwoRunFolders() throws Exception {
        ComparisonReport report = compare();

        assertThat(report.outcome()).isEqualTo(Outcome.PASS);
        assertThat(report.kind()).isEqualTo("jmh");
        assertThat(report.base().runId()).isEqualTo(BASE);
        assertThat(report.base().commit()).isEqualTo("577719b377be59f4922303c31917ced1e6b107fa");
        assertThat(report.candidate().startTime()).isEqualTo("2026-11-25T16:42:36.255664540Z");
        assertThat(report.configurationDifferences()).isEmpty();
        assertThat(report.environmentDifferences()).isEmpty();
        assertThat(report.onlyInBase()).isEmpty();
        assertThat(report.onlyInCandidate()).isEmpty();
        // 22 benchmark entries: 8 server encodings, 6 message-log fan-outs, 8 end-to-end fan-outs
        assertThat(report.metrics().stream().map(MetricComparison::subject).distinct()).hasSize(22);

        MetricComparison score = metric(report, "ServerEncodingBenchmark.encode", Map.of("encoding", "WS_FRAME",
                "payloadBytes", "64"), "score");
        assertThat(score.unit()).isEqualTo("ns/op");
        assertThat(score.baseSamples()).containsExactly(172448.5138778747, 25090.881539744965, 52109.223281485196);
        // 3 iterations against 3 can never reach p <= 0.05 (smallest possible p = 2/20 = 0.1): said, not guessed
        assertThat(score.verdict()).isEqualTo(Verdict.NOT_TESTED);
        assertThat(score.reason()).isEqualTo("3 vs 3 repeats: not tested (smallest possible p 0.100 > alpha 0.05)");

        MetricComparison bytes = metric(report, "ServerEncodingBenchmark.encode", Map.of("encoding", "WS_FRAME",
                "payloadBytes", "64"), "wireBytesPerOp");
        assertThat(bytes.kind()).isEqualTo(MetricKind.EXACT_COUNT);
        assertThat(bytes.baseMedian()).isEqualTo(74.0);
        assertThat(bytes.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(bytes.reason()).isEqualTo("exact count: equal");
        assertThat(bytes.gated()).isTrue();
    }

    @Test
    void sampleTimeScoresAreEachIterationsMeanAndStrategiesAreNamedByLabel() throws Exception {
        ComparisonReport report = compare();
        Map<String, String> ws1 = Map.of("clients", "1", "payloadBytes", "64", "pollIntervalMillis", "100",
                "strategy", "WEBSOCKET");

        MetricComparison score = metric(report, "FanOutBenchmark.publishAndAwaitAll", ws1, "score");
        assertThat(score.strategy()).isEqualTo("ws");
        assertThat(score.unit()).isEqualTo("us/op");
        // means of the three iterations' rawDataHistogram (450, 843 and 955 samples), computed in Python;
        // weighted by their counts they give JMH's own score, 270.546
        assertThat(score.baseSamples().get(0)).isCloseTo(457.7496177777778, within(1e-9));
        assertThat(score.baseSamples().get(1)).isCloseTo(240.61866666666663, within(1e-9));
        assertThat(score.baseSamples().get(2)).isCloseTo(208.75332356020942, within(1e-9));
        assertThat(metric(report, "FanOutBenchmark.publishAndAwaitAll", ws1, "p0.99").unit()).isEqualTo("us/op");
    }

    @Test
    void aPerOperationCountThatVariesWithTimingIsNotCalledChanged() throws Exception {
        ComparisonReport report = compare();
        Map<String, String> poll100 = Map.of("clients", "100", "payloadBytes", "64", "pollIntervalMillis", "100",
                "strategy", "SHORT_POLLING");

        // how many polls 100 short pollers make while one message fans out depends on timing: 165 vs 275
        // requests per operation here, with 58% and 16% spread between iterations
        MetricComparison requests = metric(report, "FanOutBenchmark.publishAndAwaitAll", poll100, "requestsPerOp");
        assertThat(requests.changePercent()).isGreaterThan(50.0);
        assertThat(requests.verdict()).isEqualTo(Verdict.NOT_TESTED);
        assertThat(requests.reason()).startsWith("count varies between repeats: not tested");
        assertThat(report.regressions()).isEmpty();
    }

    @Test
    void aLooserAlphaLetsThreeIterationsBeTested() throws Exception {
        ComparisonReport report = compare("--alpha", "0.2");

        MetricComparison score = metric(report, "ServerEncodingBenchmark.encode", Map.of("encoding", "WS_FRAME",
                "payloadBytes", "64"), "score");
        assertThat(score.test()).isEqualTo("Mann-Whitney U, exact");
        // U = 6 of 9: P(U >= 6) = 7/20, two-sided 0.7 (by hand; scipy.stats.mannwhitneyu agrees)
        assertThat(score.pValue()).isCloseTo(0.7, within(1e-12));
        assertThat(score.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(score.reason()).isEqualTo("p = 0.7000 > 0.2");
    }

    @Test
    void aLoadReportAndAJmhResultAreNotCompared(@TempDir Path dir) throws Exception {
        Path load = SyntheticRuns.write(Spec.base(1, 1), dir.resolve("load"));

        CommandRun run = CommandRun.of(new CompareCommand(), load.toString(), folder(BASE));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot compare a load result").contains("with a jmh result");
    }

    private static MetricComparison metric(ComparisonReport report, String subject, Map<String, String> params,
                                           String metric) {
        return report.metrics().stream()
                .filter(m -> m.subject().startsWith(subject + " [") && m.parameters().equals(params)
                        && m.metric().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError("no " + subject + " " + params + " " + metric));
    }
}
