package io.pushbench.bench.plot;

import io.pushbench.bench.cli.PushbenchCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real small runs through the {@code pushbench} command: {@code run} ends by drawing its charts and
 * report, and {@code plot} draws them again, compares two runs, charts their history, and refuses bad
 * input with exit code 2.
 */
class RunThenPlotTest {

    @TempDir
    static Path results;
    static Path first;
    static Path second;
    static String firstRunOutput;

    record Result(int exit, String out, String err) {
    }

    static Result pushbench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = PushbenchCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Result(cl.execute(args), out.toString(), err.toString());
    }

    private static Result smallRun(Path out, String... extra) {
        String[] base = {"run", "--strategies=poll,ws", "--clients=5", "--rate=5", "--poll-interval=200ms",
                "--warmup=1s", "--duration=2s", "--max-loader-stall=5s", "--max-publisher-lag=5s", "--out=" + out};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return pushbench(args);
    }

    @BeforeAll
    static void twoRealRuns() {
        first = results.resolve("run-1");
        second = results.resolve("run-2");
        Result r1 = smallRun(first);
        Result r2 = smallRun(second);
        assertThat(r1.exit()).as(r1.out() + r1.err()).isZero();
        assertThat(r2.exit()).as(r2.out() + r2.err()).isZero();
        firstRunOutput = r1.out();
    }

    @Test
    void theRunEndsByWritingItsChartsAndReportAndSaysWhere() {
        assertThat(firstRunOutput).contains("charts (5, PNG and SVG) written to " + first.toAbsolutePath().normalize(),
                "HTML report: " + first.resolve("report.html").toAbsolutePath().normalize(),
                "Markdown report: " + first.resolve("report.md").toAbsolutePath().normalize());
        for (String stem : new String[] {"latency-distribution", "bytes-per-message", "requests-per-message",
                "cpu-per-message", "over-time"}) {
            assertThat(first.resolve(stem + ".png")).exists();
            assertThat(first.resolve(stem + ".svg")).exists();
        }
    }

    @Test
    void plotDrawsTheRunAgainOnlyTheAskedCharts(@TempDir Path copy) throws Exception {
        for (String file : new String[] {"report.json", "poll.hlog", "ws.hlog"}) {
            Files.copy(first.resolve(file), copy.resolve(file));
        }

        Result r = pushbench("plot", copy.toString(), "--chart", "latency,requests");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 run chart(s), PNG and SVG, in " + copy.toAbsolutePath(), "report.html");
        assertThat(copy.resolve("latency-distribution.svg")).exists();
        assertThat(copy.resolve("bytes-per-message.svg")).doesNotExist();
    }

    @Test
    void twoRealRunsAreComparedAndTheirHistoryCharted() {
        Result compare = pushbench("plot", "--compare", first.toString(), second.toString());
        Result history = pushbench("plot", "--history", results.toString(), "--history-metric", "bytes.down.per-msg");

        assertThat(compare.exit()).as(compare.err()).isZero();
        assertThat(second.resolve("compare.json")).exists();
        assertThat(second.resolve("compare-1.png")).exists();
        assertThat(history.exit()).as(history.err()).isZero();
        assertThat(results.resolve("history-bytes.down.per-msg.png")).exists();
    }

    @Test
    void aSweepChartOfARunWithoutSweepIsExit2WithTheReason() {
        Result r = pushbench("plot", first.toString(), "--chart", "sweep");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("pushbench plot: run ", "has no sweep, so there is no sweep chart to draw")
                .doesNotContain("\tat ");
    }

    @Test
    void aReportOfAnotherSchemaVersionIsExit2(@TempDir Path copy) throws Exception {
        Files.writeString(copy.resolve("report.json"),
                Files.readString(first.resolve("report.json")).replaceFirst("\"schemaVersion\": \\d+,", "\"schemaVersion\": 99,"));

        Result r = pushbench("plot", copy.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("report schema version 99 is not supported").doesNotContain("\tat ");
    }

    @Test
    void plotIsListedAndHasHelp() {
        assertThat(pushbench("--help").out()).contains("plot");
        Result help = pushbench("plot", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--chart=KIND", "--compare=RUN", "--history=FOLDER", "Exit codes:");
    }
}
