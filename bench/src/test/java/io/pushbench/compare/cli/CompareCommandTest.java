package io.pushbench.compare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.compare.SyntheticRuns;
import io.pushbench.compare.SyntheticRuns.Spec;
import io.pushbench.report.compare.ComparisonJson;
import io.pushbench.report.compare.ComparisonReport;
import io.pushbench.report.compare.MetricComparison;
import io.pushbench.report.compare.Outcome;
import io.pushbench.report.compare.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Done-when cases of issue 5 on synthetic load reports written by the report writer itself
 * ({@code ReportJson.write}), histograms filled from seeded distributions (see {@code SyntheticRuns}).
 */
class CompareCommandTest {

    @TempDir
    Path dir;

    @Test
    void identicalRunsShowNoChangeAndExitZero() throws IOException {
        Path base = SyntheticRuns.write(Spec.base(11, 5), dir.resolve("base"));
        Path candidate = SyntheticRuns.write(Spec.base(11, 5), dir.resolve("candidate"));

        CommandRun run = CommandRun.of(new CompareCommand(), base.toString(), candidate.toString(), "--json",
                dir.resolve("c.json").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        ComparisonReport report = ComparisonJson.readComparison(dir.resolve("c.json"));
        assertThat(report.outcome()).isEqualTo(Outcome.PASS);
        assertThat(report.metrics()).hasSize(2 * 11);
        assertThat(report.metrics()).allSatisfy(m -> {
            assertThat(m.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
            assertThat(m.baseSamples()).isEqualTo(m.candidateSamples()).hasSize(5);
        });
        assertThat(run.out()).contains("PASS: nothing gated got significantly worse.");
    }

    @Test
    void twentyPercentLatencyShiftOverFiveRepeatsIsWorseAndExitsOne() throws IOException {
        Path base = SyntheticRuns.write(Spec.base(21, 5), dir.resolve("base"));
        Path candidate = SyntheticRuns.write(Spec.base(22, 5).latencyScaled(1.2), dir.resolve("candidate"));

        CommandRun run = CommandRun.of(new CompareCommand(), base.toString(), candidate.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        ComparisonReport report = parse(run.out());
        for (String strategy : List.of("ws", "sse")) {
            for (String percentile : List.of("latency.p50", "latency.p90", "latency.p99")) {
                MetricComparison m = metric(report, strategy, percentile);
                assertThat(m.verdict()).as(strategy + " " + percentile + ": " + m.reason()).isEqualTo(Verdict.WORSE);
                assertThat(m.pValue()).isLessThanOrEqualTo(0.05);
                assertThat(m.shiftPercent()).isBetween(10.0, 30.0);
            }
            // the bytes did not change; the exact count says so
            assertThat(metric(report, strategy, "bytes.down.per-msg").verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        }
        assertThat(report.regressions()).anyMatch(line -> line.startsWith("ws latency.p99: "));
        CommandRun table = CommandRun.of(new CompareCommand(), base.toString(), candidate.toString());
        assertThat(table.out()).contains("REGRESSION:", "WORSE (gated)", "ws latency.p50: ");
    }

    @Test
    void candidateDifferingOnlyByRunToRunNoiseShowsNoSignificantChange() throws IOException {
        // same distributions and the same 3% run-to-run spread; only the random draws differ
        Path base = SyntheticRuns.write(Spec.base(31, 5), dir.resolve("base"));
        Path candidate = SyntheticRuns.write(Spec.base(32, 5), dir.resolve("candidate"));

        CommandRun run = CommandRun.of(new CompareCommand(), base.toString(), candidate.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        ComparisonReport report = parse(run.out());
        assertThat(report.metrics()).allSatisfy(m -> assertThat(m.verdict()).as(m.subject() + " " + m.metric() + ": "
                + m.reason()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE));
        // the noise is real: the medians do differ
        assertThat(metric(report, "ws", "latency.p50").changePercent()).isNotZero();
    }

    @Test
    void differentConfigurationsAreRefusedWithTheDifferencesListed() throws IOException {
        Path base = SyntheticRuns.write(Spec.base(41, 5), dir.resolve("base"));
        Path candidate = SyntheticRuns.write(Spec.base(41, 5).clients(500), dir.resolve("candidate"));

        CommandRun run = CommandRun.of(new CompareCommand(), base.toString(), candidate.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("REFUSED", "config.clients: 50 -> 500", "--force");

        CommandRun forced = CommandRun.of(new CompareCommand(), base.toString(), candidate.toString(), "--force",
                "--format", "json");
        ComparisonReport report = parse(forced.out());
        assertThat(report.forced()).isTrue();
        // ten times the clients, the same deliveries: ten times the requests per message, compared as asked
        assertThat(forced.exitCode()).isEqualTo(1);
        assertThat(metric(report, "ws", "requests.per-msg").verdict()).isEqualTo(Verdict.WORSE);
        assertThat(report.configurationDifferences()).extracting(d -> d.key()).containsExactly("config.clients");
    }

    @Test
    void tenPercentMoreBytesPerMessageInASingleRunIsWorse() throws IOException {
        Path base = SyntheticRuns.write(Spec.base(51, 1), dir.resolve("base"));
        Path candidate = SyntheticRuns.write(Spec.base(52, 1).downBytesPerMsg(132), dir.resolve("candidate"));

        CommandRun run = CommandRun.of(new CompareCommand(), base.toString(), candidate.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        ComparisonReport report = parse(run.out());
        MetricComparison bytes = metric(report, "ws", "bytes.down.per-msg");
        assertThat(bytes.verdict()).isEqualTo(Verdict.WORSE);
        assertThat(bytes.changePercent()).isCloseTo(10.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(bytes.test()).isEqualTo("exact count, single run");
        // timings of a single run are never called changed
        MetricComparison p99 = metric(report, "ws", "latency.p99");
        assertThat(p99.verdict()).isEqualTo(Verdict.NOT_TESTED);
        assertThat(p99.reason()).isEqualTo("single run: not tested");
        assertThat(report.regressions()).containsExactly(
                "ws bytes.down.per-msg: 120.0 -> 132.0 B/msg (+10.0%), exact count, single run",
                "sse bytes.down.per-msg: 120.0 -> 132.0 B/msg (+10.0%), exact count, single run");
    }

    @Test
    void environmentDifferenceIsAProminentWarningNotARefusal() throws IOException {
        Path base = SyntheticRuns.write(Spec.base(61, 5), dir.resolve("base"));
        Path candidate = SyntheticRuns.write(Spec.base(61, 5).cpuModel("Other CPU"), dir.resolve("candidate"));

        CommandRun run = CommandRun.of(new CompareCommand(), base.toString(), candidate.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("!! WARNING: the environments differ",
                "environment.host.cpuModel: Synthetic CPU @ 2.00GHz -> Other CPU");
        CommandRun markdown = CommandRun.of(new CompareCommand(), base.toString(), candidate.toString(), "--format", "markdown");
        assertThat(markdown.out()).contains("> **Warning**: the environments differ", "| subject | metric |");
    }

    @Test
    void malformedOrMissingInputExitsTwoWithAPreciseMessage() throws IOException {
        Path base = SyntheticRuns.write(Spec.base(71, 1), dir.resolve("base"));
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"schemaVersion\": 1, \"results\": ");

        CommandRun truncated = CommandRun.of(new CompareCommand(), base.toString(), broken.toString());
        assertThat(truncated.exitCode()).isEqualTo(2);
        assertThat(truncated.err()).startsWith("pushbench compare: ").contains("broken.json").doesNotContain("Exception");

        CommandRun missing = CommandRun.of(new CompareCommand(), base.toString(), dir.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file or run folder").contains("nope");

        CommandRun badAlpha = CommandRun.of(new CompareCommand(), base.toString(), base.toString(), "--alpha", "1.5");
        assertThat(badAlpha.exitCode()).isEqualTo(2);
        assertThat(badAlpha.err()).contains("--alpha must be between 0 and 1");

        CommandRun oneArgument = CommandRun.of(new CompareCommand(), base.toString());
        assertThat(oneArgument.exitCode()).isEqualTo(2);
        assertThat(oneArgument.err()).contains("Missing required parameter: 'CANDIDATE'");
    }

    @Test
    void pushbenchTopCommandHasCompareAndHistory() {
        assertThat(io.pushbench.bench.cli.PushbenchCommand.commandLine().getSubcommands())
                .containsKeys("compare", "history");
        CommandRun help = CommandRun.of(new io.pushbench.bench.cli.PushbenchCommand(), "compare", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: pushbench compare", "Exit codes:", "--min-effect", "--gate", "--force");
    }

    static ComparisonReport parse(String json) throws IOException {
        Path file = Files.createTempFile("compare", ".json");
        try {
            Files.writeString(file, json);
            return ComparisonJson.readComparison(file);
        } finally {
            Files.delete(file);
        }
    }

    static MetricComparison metric(ComparisonReport report, String subject, String metric) {
        return report.metrics().stream().filter(m -> m.subject().equals(subject) && m.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + subject + " " + metric));
    }
}
