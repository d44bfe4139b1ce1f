package io.pushbench.bench.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PlotCommandTest {

    /** Real JMH quick-profile results (see the compare tests' fixture README). */
    private static Path jmhFixture(String name) throws Exception {
        return Path.of(PlotCommandTest.class.getResource("/io/pushbench/compare/jmh/" + name).toURI());
    }

    record Result(int exit, String out, String err) {
    }

    static Result plot(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new PlotCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void aJmhRunFolderGetsChartsAndReportsAndSaysWhere(@TempDir Path run) throws Exception {
        Files.copy(jmhFixture("20261125T164102Z-e66b/jmh.json"), run.resolve("jmh.json"));

        Result r = plot(run.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(run.resolve("jmh-ServerEncodingBenchmark-avgt.png")).exists();
        assertThat(run.resolve("jmh-ServerEncodingBenchmark-avgt.svg")).exists();
        assertThat(r.out()).contains("3 run chart(s), PNG and SVG, in " + run, "report:   " + run.resolve("report.html"),
                "markdown: " + run.resolve("report.md"));
    }

    @Test
    void comparingTwoRealRunsChartsTheComparisonIntoTheCandidateFolder(@TempDir Path dir) throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        Path candidate = Files.createDirectories(dir.resolve("candidate"));
        Files.copy(jmhFixture("20261125T164102Z-e66b/jmh.json"), base.resolve("jmh.json"));
        Files.copy(jmhFixture("20261125T164236Z-bbcf/jmh.json"), candidate.resolve("jmh.json"));

        Result r = plot("--compare", base.toString(), candidate.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(candidate.resolve("compare.json")).exists();
        assertThat(candidate.resolve("compare-1.png")).exists();
        assertThat(r.out()).contains("pushbench compare", "comparison chart(s), PNG and SVG, in " + candidate);
    }

    @Test
    void theHistoryOfAFolderIsChartedPerMetric(@TempDir Path dir) throws Exception {
        Files.copy(jmhFixture("20261125T164102Z-e66b/jmh.json"), Files.createDirectories(dir.resolve("r1")).resolve("jmh.json"));
        Files.copy(jmhFixture("20261125T164236Z-bbcf/jmh.json"), Files.createDirectories(dir.resolve("r2")).resolve("jmh.json"));

        Result r = plot("--history", dir.toString(), "--history-metric", "score");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(dir.resolve("history.json")).exists();
        assertThat(r.out()).contains("3 history chart(s)");
        assertThat(dir.resolve("history-score-1.png")).exists();
        assertThat(dir.resolve("history-score-1.svg")).exists();
    }

    @Test
    void aMissingFileIsExit2WithAMessageAndNoStackTrace(@TempDir Path dir) {
        Result r = plot(dir.resolve("no-such-run").toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("pushbench plot: no such file or folder: " + dir.resolve("no-such-run"))
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void aFolderWithoutResultsIsExit2(@TempDir Path dir) {
        Result r = plot(dir.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("a folder without report.json or jmh.json").doesNotContain("\tat ");
    }

    @Test
    void jsonOfAnotherKindIsExit2(@TempDir Path dir) throws Exception {
        Path notJmh = Files.writeString(dir.resolve("other.json"), "[{\"name\": \"not a benchmark\"}]");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"schemaVersion\": ");

        Result other = plot(notJmh.toString());
        Result half = plot(broken.toString());

        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("not a JMH result file").doesNotContain("\tat ");
        assertThat(half.exit()).isEqualTo(2);
        assertThat(half.err()).contains("not JSON").doesNotContain("\tat ");
    }

    @Test
    void usageErrorsAreExit2() {
        assertThat(plot().exit()).isEqualTo(2);
        Result unknownChart = plot("--chart", "pie", "x");
        assertThat(unknownChart.exit()).isEqualTo(2);
        assertThat(unknownChart.err()).contains("unknown chart 'pie'", "latency, bytes, requests, cpu, timeline, sweep");
    }
}
