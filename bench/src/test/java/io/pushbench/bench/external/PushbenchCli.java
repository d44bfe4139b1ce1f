package io.pushbench.bench.external;

import io.pushbench.bench.cli.PushbenchCommand;
import io.pushbench.model.Strategy;
import io.pushbench.report.DeliveryFigures;
import io.pushbench.report.ReportJson;
import io.pushbench.report.RunReport;
import io.pushbench.report.StrategyResult;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pushbench run} as a user types it, against an external server, with the conformance workload: 1,000 clients
 * on one topic, 2 messages/s, short polls every 250 ms (faster than the messages, so a server that answers one
 * message per poll keeps up), 2 s warm-up and an 8 s window: 16 messages, 16,000 deliveries in the window.
 */
final class PushbenchCli {
    static final int CLIENTS = 1000;
    static final int RATE_PER_SEC = 2;
    static final int WINDOW_SEC = 8;
    static final long WINDOW_MESSAGES = (long) RATE_PER_SEC * WINDOW_SEC;

    private PushbenchCli() {
    }

    /** What a run printed and wrote. */
    record Result(int exitCode, String out, String err, RunReport report) {
        StrategyResult only() {
            assertThat(report).as("no report was written; exit %d\n%s\n%s", exitCode, out, err).isNotNull();
            assertThat(report.results()).hasSize(1);
            return report.results().get(0);
        }

        String transcript() {
            return "exit " + exitCode + "\n" + out + err;
        }
    }

    /**
     * Runs {@code pushbench run} with the conformance workload for {@code strategy} plus {@code targetArgs}
     * (URL templates, publish options), its run folder in {@code dir}.
     */
    static Result run(Path dir, Strategy strategy, List<String> targetArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", "--strategies=" + strategy.label(),
                "--clients=" + CLIENTS, "--rate=" + RATE_PER_SEC, "--poll-interval=250ms", "--warmup=2s",
                "--duration=" + WINDOW_SEC + "s",
                // the machine running the tests is shared: stalls of the loader say nothing about the server
                "--max-loader-stall=1s", "--max-publisher-lag=1s",
                "--no-post-run", "--out=" + dir));
        args.addAll(targetArgs);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = PushbenchCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(String[]::new));
        Path reportFile = dir.resolve(ReportJson.FILE_NAME);
        RunReport report = Files.exists(reportFile) ? ReportJson.read(reportFile) : null;
        return new Result(code, out.toString(), err.toString(), report);
    }

    /** A valid run in which every client got every message of the window once, in order, without errors. */
    static StrategyResult assertValidWithoutLoss(Result run) {
        StrategyResult r = run.only();
        DeliveryFigures d = r.delivery();
        assertThat(run.exitCode()).as(run.transcript()).isZero();
        assertThat(r.validity().reasons()).as(run.transcript()).isEmpty();
        if (r.strategy() == Strategy.SSE || r.strategy() == Strategy.WEBSOCKET) {
            // a poller whose connection the server just closed is between connections: polling's count is a snapshot
            assertThat(d.connectedClients()).as("connected clients").isEqualTo(CLIENTS);
        }
        assertThat(d.published()).as("published in the window").isEqualTo(WINDOW_MESSAGES);
        assertThat(d.expectedDeliveries()).isEqualTo(WINDOW_MESSAGES * CLIENTS);
        assertThat(d.delivered()).as(run.transcript()).isEqualTo(d.expectedDeliveries());
        assertThat(d.missing()).as("missing").isZero();
        assertThat(d.duplicates()).as("duplicates").isZero();
        assertThat(d.outOfOrder()).as("out of order").isZero();
        assertThat(d.lostByRetention()).as("lost by retention").isZero();
        assertThat(d.errors()).as("client errors").isZero();
        assertThat(r.latency().fromScheduled().count()).isEqualTo(d.delivered());
        return r;
    }

    /** Server CPU and memory were measured from outside: 1,000 connections and 16,000 deliveries cost measurable amounts. */
    static void assertServerCostMeasured(StrategyResult r, PushbenchCli.Result run) {
        assertThat(r.cpu().serverMethod()).as(run.transcript()).isNotEqualTo("unavailable");
        assertThat(r.cpu().serverCpuMicros()).as("server CPU (%s)", r.cpu().serverMethod()).isNotNull().isPositive();
        assertThat(r.cpu().serverCpuMicrosPerDelivery()).isNotNull().isPositive();
        assertThat(r.memory().available()).as("server memory: %s", r.memory().unavailableReason()).isTrue();
        assertThat(r.memory().method()).isNotEqualTo("unavailable");
    }
}
