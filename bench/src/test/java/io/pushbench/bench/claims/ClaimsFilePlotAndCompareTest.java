package io.pushbench.bench.claims;

import io.pushbench.bench.cli.PushbenchCommand;
import io.pushbench.report.ClockInfo;
import io.pushbench.report.claims.ClaimChart;
import io.pushbench.report.claims.ClaimFigure;
import io.pushbench.report.claims.ClaimVerdict;
import io.pushbench.report.claims.ClaimsJson;
import io.pushbench.report.claims.ClaimsReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** claims.json round-trips, and {@code plot} and {@code compare} read it. */
class ClaimsFilePlotAndCompareTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = PushbenchCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static ClaimsReport report(String verdictOfClaim1) {
        ClaimVerdict one = new ClaimVerdict(1, "Short polling wastes requests", "statement", "experiment", "rule",
                verdictOfClaim1, "75% of polls empty",
                List.of(new ClaimFigure("poll, minimal headers, loopback", Figures.EMPTY_RESPONSE_SHARE, "ratio", 0.74, 0.75,
                        "max(0, 1 - rate x interval)")),
                new ClaimChart("Bytes per message", "bytes", false, List.of(new ClaimChart.Bar("minimal", "poll", 500),
                        new ClaimChart.Bar("minimal", "sse", 190))), List.of("runs/base-minimal"), List.of());
        ClaimVerdict nine = new ClaimVerdict(9, "Chat", "s", "e", "r", ClaimVerdict.NOT_MEASURED, "not measured yet",
                List.of(), null, List.of(), List.of());
        return new ClaimsReport(ClaimsJson.SCHEMA_VERSION, "claims-x", "2026-12-03T09:00:00Z", "0.1.0-SNAPSHOT",
                List.of("claims"), "quick", io.pushbench.bench.run.EnvironmentProbe.probe(Path.of("").toAbsolutePath(),
                "epoll", ClockInfo.sharedMonotonic()), "embedded", null, 300, List.of(one, nine));
    }

    @Test
    void claimsFileRoundTripsAndIsToldFromARunReport(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ClaimsJson.FILE_NAME);
        ClaimsJson.write(report(ClaimVerdict.HOLDS), file);

        assertThat(ClaimsJson.read(file)).isEqualTo(report(ClaimVerdict.HOLDS));
        assertThat(ClaimsJson.isClaimsFile(file)).isTrue();
        Files.writeString(dir.resolve("newer.json"), ClaimsJson.toJson(report(ClaimVerdict.HOLDS))
                .replaceFirst("\"schemaVersion\": 1", "\"schemaVersion\": 7"));
        assertThat(run("plot", dir.resolve("newer.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("claims schema version 7 is not supported");
    }

    @Test
    void plotDrawsAChartPerMeasuredClaimAndTheReports(@TempDir Path dir) throws Exception {
        ClaimsJson.write(report(ClaimVerdict.HOLDS), dir.resolve(ClaimsJson.FILE_NAME));

        assertThat(run("plot", dir.toString())).isZero();

        assertThat(dir.resolve("claim-1.png")).exists();
        assertThat(dir.resolve("claim-9.png")).doesNotExist();
        assertThat(Files.readString(dir.resolve("claims.md"))).contains("| 1 | Short polling wastes requests | **holds** |")
                .contains("| poll, minimal headers, loopback | emptyResponseShare (ratio) | 0.740 | 0.750 | 0.99 |");
        assertThat(Files.readString(dir.resolve("claims.html"))).contains("data:image/png;base64,").doesNotContain("src=\"claim-");
    }

    @Test
    void compareListsVerdictsAndExits1WhenOneChanged(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        ClaimsJson.write(report(ClaimVerdict.HOLDS), a.resolve(ClaimsJson.FILE_NAME));
        ClaimsJson.write(report(ClaimVerdict.HOLDS), b.resolve(ClaimsJson.FILE_NAME));

        assertThat(run("compare", a.toString(), b.toString())).isZero();
        ClaimsJson.write(report(ClaimVerdict.DOES_NOT_HOLD), b.resolve(ClaimsJson.FILE_NAME));
        assertThat(run("compare", a.toString(), b.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("holds            does not hold    CHANGED");
    }
}
