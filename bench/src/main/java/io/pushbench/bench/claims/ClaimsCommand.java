package io.pushbench.bench.claims;

import io.pushbench.bench.browser.BrowserUnavailableException;
import io.pushbench.bench.browser.HeadlessChromium;
import io.pushbench.bench.network.LinkEmulator;
import io.pushbench.bench.run.EnvironmentProbe;
import io.pushbench.bench.run.LoadRun;
import io.pushbench.plots.PlotOutput;
import io.pushbench.plots.claims.ClaimPlots;
import io.pushbench.report.ClockInfo;
import io.pushbench.report.claims.ClaimVerdict;
import io.pushbench.report.claims.ClaimsJson;
import io.pushbench.report.claims.ClaimsReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import io.pushbench.server.broker.BrokerKind;
import io.pushbench.server.broker.BrokerUrl;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code pushbench claims}: one fixed experiment per claim about push, each with its verdict rule stated before the
 * run, judged from the run's own figures; writes {@code claims.json}, {@code claims.md}, {@code claims.html} and a
 * chart per claim. Everything is written into a temporary folder that becomes the claims folder only at the end.
 */
@Command(name = "claims", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Answers the claims about server push, each with a fixed experiment and a verdict rule stated "
                + "before the run (holds / holds only when / does not hold, with the measured numbers and the "
                + "model's beside them): 1 short polling wastes requests, 2 long polling cuts empty answers, 3 frequent "
                + "data makes long polling no better, 4 so do many users, 5 SSE needs no request per message, "
                + "6 WebSocket is lighter and faster, 7 permessage-deflate shrinks messages at a CPU price, 8 SSE is "
                + "hard across origins (headless Chromium), 9 SSE + Redis/PostgreSQL chat (not measured yet).",
                "Writes results/claims-<run-id>/ with claims.json, claims.md, claims.html, claim-<n>.png/.svg and "
                        + "runs/<plan>/ (each run's report.json). See docs/claims.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every chosen claim ran (its verdict may be 'not measured' when a figure was missing)",
                "2:bad input: unknown claim or profile, no network emulation here (no root, no iproute2), a browser "
                        + "that will not start; nothing is written",
                "3:a run could not complete (server did not start, clients could not connect); nothing is written"})
public final class ClaimsCommand implements Callable<Integer> {

    /** The embedded servers log each start at INFO; the progress lines say what matters. Held: JUL keeps loggers weakly. */
    private static final java.util.logging.Logger SERVER_LOG = java.util.logging.Logger.getLogger("io.pushbench.server");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", paramLabel = "quick|full", defaultValue = "quick",
            description = "quick: about 5 minutes on 2 cores (5 s windows, 100 clients, 2 rates, up to 1,000 clients); "
                    + "full: 20 s windows, 200 clients, 4 rates, up to 10,000 clients.")
    String profile;

    @Option(names = "--claims", paramLabel = "LIST", defaultValue = "all",
            description = "The claims to answer: all, or numbers, e.g. 1,3,8.")
    String claimList;

    @Option(names = "--server", paramLabel = "embedded|fork", defaultValue = "embedded",
            description = "embedded = in this JVM; fork = every run against a server in its own JVM (claim 4 always forks).")
    String server;

    @Option(names = "--network-emulator", paramLabel = "auto|netem|relay", defaultValue = "auto",
            description = "How the 100 ms RTT runs are emulated: netem on a veth pair (kernel), the user-space delay "
                    + "relay, or auto (netem where the kernel has it). Needs root and iproute2.")
    String networkEmulator;

    @Option(names = "--loopback-only", description = "Leave out the 100 ms RTT runs (no root needed); the claims "
            + "that read them (3, 5, 6) then say 'not measured'.")
    boolean loopbackOnly;

    @Option(names = "--chat-brokers", paramLabel = "URL[,URL]", split = ",",
            defaultValue = ClaimPlans.DEFAULT_REDIS + "," + ClaimPlans.DEFAULT_POSTGRESQL,
            description = "The brokers claim 9's chat room runs through (redis://, redis-streams://, postgresql://); "
                    + "one that cannot be reached is reported as not measured.")
    List<String> chatBrokers;

    @Option(names = "--out", paramLabel = "FOLDER", description = "The claims folder. Default: results/claims-<run-id>/.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ClaimsProfile chosenProfile;
        List<ClaimExperiment> claims;
        LinkEmulator emulator;
        try {
            chosenProfile = ClaimsProfile.fromLabel(profile);
            for (String url : chatBrokers) {
                BrokerKind kind;
                try {
                    kind = BrokerUrl.parse(url).kind();
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--chat-brokers " + e.getMessage().replaceFirst("^--broker ", ""));
                }
                if (kind == BrokerKind.MEMORY) {
                    throw new IllegalArgumentException("--chat-brokers " + url + ": claim 9 needs a broker between "
                            + "instances (redis://, redis-streams:// or postgresql://)");
                }
            }
            claims = ClaimCatalogue.choose(chosenProfile, claimList, chatBrokers);
            emulator = LinkEmulator.fromOption(networkEmulator);
            if (!server.equals("embedded") && !server.equals("fork")) {
                throw new IllegalArgumentException("invalid --server '" + server + "': expected embedded or fork");
            }
            if (out != null && Files.exists(out)) {
                throw new IllegalArgumentException("--out " + out + " exists: give a new folder");
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (loopbackOnly) {
            claims = claims.stream().map(LoopbackOnly::of).toList();
        }
        SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        ClaimsProgress progress = new ClaimsProgress(stdout, System.console() != null);
        ClaimsRunner runner = new ClaimsRunner(claims, server.equals("fork"), emulator, progress);
        HeadlessChromium chromium;
        try {
            chromium = runner.preflight();
        } catch (IllegalArgumentException | BrowserUnavailableException e) {
            stderr.println("pushbench claims: " + e.getMessage());
            stderr.flush();
            return 2;
        }
        Instant start = Instant.now();
        String runId = "claims-" + LoadRun.newRunId(start);
        Path target = out != null ? out : Path.of("results", runId);
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        List<String> commandLine = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (commandLine.isEmpty() || !commandLine.get(0).equals("claims")) {
            commandLine.add(0, "claims");   // picocli hands the whole command line, verb included, to the top command only
        }
        try {
            Observations observations;
            try {
                observations = runner.run(chromium, partial, commandLine);
            } catch (BrowserUnavailableException e) {
                stderr.println("pushbench claims: " + e.getMessage());
                stderr.flush();
                return 2;
            } catch (IOException e) {
                progress.close();
                stderr.println("pushbench claims: a run could not complete: " + e.getMessage());
                stderr.flush();
                return LoadRun.EXIT_INVALID;
            }
            List<ClaimVerdict> verdicts = claims.stream().map(c -> c.judge(observations)).toList();
            ClaimsReport report = new ClaimsReport(ClaimsJson.SCHEMA_VERSION, target.getFileName().toString(),
                    start.toString(), version(), commandLine, chosenProfile.label(),
                    EnvironmentProbe.probe(Path.of("").toAbsolutePath(), "epoll", ClockInfo.sharedMonotonic()),
                    server, runner.networkUsed(), progress.elapsedSec(), verdicts);
            ClaimsJson.write(report, partial.resolve(ClaimsJson.FILE_NAME));
            PlotOutput plots = ClaimPlots.plot(partial.resolve(ClaimsJson.FILE_NAME));
            // the wall time includes the charts
            report = new ClaimsReport(report.schemaVersion(), report.runId(), report.startTimeUtc(), report.pushbenchVersion(),
                    report.commandLine(), report.profile(), report.environment(), report.server(), report.network(),
                    progress.elapsedSec(), report.claims());
            ClaimsJson.write(report, partial.resolve(ClaimsJson.FILE_NAME));
            ClaimPlots.plot(partial.resolve(ClaimsJson.FILE_NAME));
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            progress.close();
            stdout.println();
            stdout.print(ClaimsSummary.table(report));
            stdout.printf(Locale.ROOT, "%d charts, claims.md and claims.html written to %s (%.0f s)%n", plots.charts().size(),
                    target.toAbsolutePath().normalize(), report.wallSeconds());
            stdout.flush();
            return 0;
        } finally {
            deleteTree(partial);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String version() {
        String v = ClaimsCommand.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
