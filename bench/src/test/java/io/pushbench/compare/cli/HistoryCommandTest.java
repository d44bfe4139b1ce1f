package io.pushbench.compare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pushbench.compare.SyntheticRuns;
import io.pushbench.compare.SyntheticRuns.Spec;
import io.pushbench.report.compare.ComparisonJson;
import io.pushbench.report.compare.HistoryPoint;
import io.pushbench.report.compare.HistoryReport;
import io.pushbench.report.compare.MetricSeries;
import io.pushbench.report.compare.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History over synthetic load runs written by the report writer, one of them with a real 20% latency step. */
class HistoryCommandTest {

    @TempDir
    Path results;

    @Test
    void ordersRunsByCommitAndTimeAndMarksTheStepWhereLatencyRose() throws IOException {
        // written out of order on purpose; the step is at commit c3
        SyntheticRuns.write(Spec.base(103, 5).commit("c3", "2026-11-25T12:00:00Z").latencyScaled(1.2), results.resolve("run-c"));
        SyntheticRuns.write(Spec.base(101, 5).commit("c1", "2026-11-25T10:00:00Z"), results.resolve("run-a"));
        SyntheticRuns.write(Spec.base(104, 5).commit("c4", "2026-11-25T13:00:00Z").latencyScaled(1.2), results.resolve("run-d"));
        SyntheticRuns.write(Spec.base(102, 5).commit("c2", "2026-11-25T11:00:00Z"), results.resolve("run-b"));
        Files.createDirectories(results.resolve("run-x"));
        Files.writeString(results.resolve("run-x/report.json"), "{\"schemaVersion\": 1, \"results\": ");

        CommandRun run = CommandRun.of(new HistoryCommand(), results.toString(), "--json", results.resolve("h.json").toString(),
                "--tracker", results.resolve("tracker").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        HistoryReport history = ComparisonJson.readHistory(results.resolve("h.json"));
        assertThat(history.runs()).extracting(r -> r.commit()).containsExactly("c1", "c2", "c3", "c4");
        assertThat(history.skipped()).singleElement().asString().contains("run-x").contains("report.json");
        MetricSeries p50 = series(history, "ws", "latency.p50");
        assertThat(p50.points()).extracting(HistoryPoint::step)
                .containsExactly(null, Verdict.NO_SIGNIFICANT_CHANGE, Verdict.WORSE, Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(p50.points().get(2).changePercent()).isBetween(10.0, 30.0);
        // bytes per message never moved
        assertThat(series(history, "ws", "bytes.down.per-msg").points()).noneMatch(HistoryPoint::marksStep);
        assertThat(run.out()).contains("== ws latency.p50 (us, smaller is better, timing)", "STEP worse");

        JsonNode smaller = new ObjectMapper().readTree(results.resolve("tracker/benchmark-smaller-is-better.json").toFile());
        JsonNode entry = find(smaller, "ws latency.p50");
        assertThat(entry.get("unit").asText()).isEqualTo("us");
        assertThat(entry.get("value").asDouble()).isEqualTo(p50.points().get(3).median());
        JsonNode bigger = new ObjectMapper().readTree(results.resolve("tracker/benchmark-bigger-is-better.json").toFile());
        assertThat(find(bigger, "sse deliveries.per-sec").get("unit").asText()).isEqualTo("msg/s");
        assertThat(bigger).allSatisfy(e -> assertThat(e.fieldNames()).toIterable().containsExactly("name", "unit", "value"));
    }

    @Test
    void runsOfDifferentConfigurationsNeverShareASeries() throws IOException {
        SyntheticRuns.write(Spec.base(201, 5).commit("c1", "2026-11-25T10:00:00Z"), results.resolve("a"));
        SyntheticRuns.write(Spec.base(202, 5).commit("c2", "2026-11-25T11:00:00Z").clients(500), results.resolve("b"));

        CommandRun run = CommandRun.of(new HistoryCommand(), results.toString(), "--format", "json", "--metrics", "latency.p99");

        assertThat(run.exitCode()).isZero();
        Path file = results.resolve("h.json");
        Files.writeString(file, run.out());
        HistoryReport history = ComparisonJson.readHistory(file);
        assertThat(history.series()).hasSize(4).allSatisfy(s -> {
            assertThat(s.points()).hasSize(1);
            assertThat(s.parameters()).containsKey("config");
        });
    }

    @Test
    void missingOrEmptyFolderIsAUsageError() throws IOException {
        CommandRun missing = CommandRun.of(new HistoryCommand(), results.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such folder");

        CommandRun empty = CommandRun.of(new HistoryCommand(), results.toString());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("no readable report.json or jmh.json");
    }

    private static MetricSeries series(HistoryReport h, String subject, String metric) {
        List<MetricSeries> found = h.series().stream().filter(s -> s.subject().equals(subject) && s.metric().equals(metric))
                .toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode e : array) {
            if (e.get("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no tracker entry " + name + " in " + array);
    }
}
