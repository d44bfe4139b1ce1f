package io.pushbench.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonJsonTest {

    @TempDir
    Path dir;

    static ComparisonReport sampleComparison() {
        MetricComparison p99 = new MetricComparison("ws", "ws", Map.of(), "latency.p99", "us", BetterWhen.SMALLER,
                MetricKind.TIMING, true, List.of(100.0, 101.0, 99.0, 102.0, 98.0), List.of(121.0, 120.0, 119.0, 122.0, 118.0),
                100.0, 120.0, 1.58, 1.32, 20.0, 20.0, 17.0, 23.0, 0.968, 20.0, 0.0079, "Mann-Whitney U, exact",
                Verdict.WORSE, "p = 0.0079 < 0.05 and +20.0% >= 5%");
        MetricComparison bytes = new MetricComparison("ws [clients=10]", "ws", Map.of("clients", "10"),
                "bytes.down.per-msg", "B/msg", BetterWhen.SMALLER, MetricKind.EXACT_COUNT, true, List.of(80.0), List.of(80.0),
                80.0, 80.0, null, null, 0.0, null, null, null, null, null, null, "exact count, single run",
                Verdict.NO_SIGNIFICANT_CHANGE, "0.0% < 1%");
        return new ComparisonReport(ComparisonReport.SCHEMA_VERSION, "load",
                new RunInfo("results/a/report.json", "load", "a", "abc123", false, "2026-11-25T15:00:00Z", 5),
                new RunInfo("results/b/report.json", "load", "b", "def456", true, null, 5),
                new Thresholds(0.05, 5, 1, List.of("latency.p99")), List.of(), false,
                List.of(new Difference("environment.jvm", "17.0.15", "21.0.1")),
                List.of("b: ws repeat 2 is invalid: 3 deliveries missing"), List.of(p99, bytes), List.of("sse latency.p99"),
                List.of(), Outcome.REGRESSION, List.of("ws latency.p99: +20.0% (p = 0.0079)"));
    }

    @Test
    void comparisonRoundTripsThroughItsJson() throws IOException {
        ComparisonReport report = sampleComparison();
        Path file = dir.resolve("sub/compare.json");
        ComparisonJson.write(report, file);
        assertThat(ComparisonJson.readComparison(file)).isEqualTo(report);
        assertThat(Files.readString(file)).contains("\"verdict\": \"worse\"", "\"betterWhen\": \"smaller\"",
                "\"kind\": \"exact count\"", "\"outcome\": \"regression\"");
    }

    @Test
    void historyRoundTripsThroughItsJson() throws IOException {
        HistoryPoint first = new HistoryPoint("a", "abc", "2026-11-25T15:00:00Z", 100, List.of(100.0, 101.0), null, null, null);
        HistoryPoint second = new HistoryPoint("b", "def", "2026-11-25T16:00:00Z", 120, List.of(120.0, 121.0), 20.0, 0.33,
                Verdict.NOT_TESTED);
        HistoryReport history = new HistoryReport(ComparisonReport.SCHEMA_VERSION, "results",
                new Thresholds(0.05, 5, 1, List.of("*")),
                List.of(new RunInfo("results/a/report.json", "load", "a", "abc", false, "2026-11-25T15:00:00Z", 2)),
                List.of("results/x/report.json: not valid JSON"),
                List.of(new MetricSeries("ws", "ws", Map.of(), "latency.p99", "us", BetterWhen.SMALLER, MetricKind.TIMING,
                        List.of(first, second))));
        Path file = dir.resolve("history.json");
        ComparisonJson.write(history, file);
        assertThat(ComparisonJson.readHistory(file)).isEqualTo(history);
    }

    @Test
    void trackerEntriesAreAPlainArrayOfNameUnitValue() {
        String json = ComparisonJson.toJson(List.of(new TrackerEntry("ws latency.p99", "us", 120.5)));
        assertThat(json.replaceAll("\\s", "")).isEqualTo("[{\"name\":\"wslatency.p99\",\"unit\":\"us\",\"value\":120.5}]");
    }

    @Test
    void otherSchemaVersionIsRefusedNamingBothVersions() throws IOException {
        Path file = dir.resolve("old.json");
        Files.writeString(file, ComparisonJson.toJson(sampleComparison()).replace("\"schemaVersion\": 1", "\"schemaVersion\": 7"));
        assertThatThrownBy(() -> ComparisonJson.readComparison(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("old.json").hasMessageContaining("schemaVersion 7").hasMessageContaining("reads 1");
    }

    @Test
    void unknownVerdictLabelIsAPreciseError() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, ComparisonJson.toJson(sampleComparison()).replace("\"worse\"", "\"awful\""));
        assertThatThrownBy(() -> ComparisonJson.readComparison(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("unknown verdict 'awful'");
    }

    @Test
    void truncatedFileIsNotValidJson() throws IOException {
        Path file = dir.resolve("cut.json");
        Files.writeString(file, "{\"schemaVersion\" : 1, \"kind\" : ");
        assertThatThrownBy(() -> ComparisonJson.readComparison(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("cut.json: not valid JSON");
    }
}
