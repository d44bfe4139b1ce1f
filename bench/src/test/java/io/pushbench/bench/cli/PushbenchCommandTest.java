package io.pushbench.bench.cli;

import io.pushbench.model.Strategy;
import io.pushbench.report.ClockInfo;
import io.pushbench.report.ReportJson;
import io.pushbench.report.RunReport;
import io.pushbench.report.StrategyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user (or a script) sees it: exit codes, messages, reports. */
class PushbenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = PushbenchCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--bogus                     | Unknown option: '--bogus'",
            "--clients=many              | Invalid value for option '--clients': 'many' is not an int",
            "--duration=10               | --duration: invalid duration '10'",
            "--strategies=poll,carrier   | unknown strategy 'carrier'",
            "--sweep=speed=1,2           | cannot sweep 'speed'",
            "--topics=2                  | invalid topics '2'",
            "--payload=20                | payload must be 56..",
            "--server=cloud              | invalid --server 'cloud'",
            "--preset=stocks             | unknown preset 'stocks'",
            "--repeat=0                  | repeat must be 1..1000",
            "--client-headers=chrome     | invalid --client-headers 'chrome': expected minimal, browser or a header profile file",
            "--cookie-bytes=4            | --cookie-bytes must be 0 or more than",
            "--network=fast              | invalid --network 'fast': expected lan (1ms), wan (50ms)",
            "--network-emulator=ns3      | invalid --network-emulator 'ns3'"})
    void wrongFlagsExit2WithAPreciseMessage(String flag, String message) {
        assertThat(run("run", flag.trim())).isEqualTo(2);
        assertThat(err.toString()).contains(message.trim()).contains("pushbench run --help");
    }

    @Test
    void networkLossWithoutNetemIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.pushbench.bench.netns.IpTool.isRoot()
                && !io.pushbench.bench.netns.Netem.available(), "needs root on a kernel without netem");
        Path runFolder = dir.resolve("run");

        assertThat(run("run", "--network=100ms,1%", "--strategies=poll", "--out=" + runFolder)).isEqualTo(2);
        assertThat(err.toString()).contains("--network 100ms,1%: --network 100ms,1% asks for 1.0% packet loss, which "
                + "needs tc netem").contains("cannot drop packets").contains("--network 100ms");
        assertThat(runFolder).doesNotExist();
        assertThat(run("run", "--network=100ms", "--network-emulator=netem", "--out=" + runFolder)).isEqualTo(2);
        assertThat(err.toString()).contains("has no netem qdisc");
        assertThat(runFolder).doesNotExist();
    }

    @Test
    void helpListsTheSubcommandsAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("run", "serve", "3   invalid run");
    }

    @Test
    void everyCommandsHelpIsPrintedWithoutAFormatWarning() {
        // picocli formats descriptions with String.format: a bare '%' makes it warn on stderr and print the raw text
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (String command : PushbenchCommand.commandLine().getSubcommands().keySet()) {
                assertThat(run(command, "--help")).as(command).isZero();
            }
        } finally {
            System.setErr(original);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("99% of the window", "with 1% loss");
    }

    @Test
    void serveIsTheServersOwnCommandUnderItsPushbenchName() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: pushbench serve", "--long-poll-hold");
        assertThat(run("serve", "--port=abc")).isEqualTo(2);
        assertThat(err.toString()).contains("'abc' is not an int", "pushbench serve --help");
    }

    @Test
    void invalidRunExits3AndSaysWhy(@TempDir Path dir) throws Exception {
        int code = run("run", "--strategies=ws", "--clients=5", "--warmup=1s", "--duration=1s", "--rate=5",
                "--max-loader-stall=0ms", "--out=" + dir);

        assertThat(code).isEqualTo(3);
        assertThat(out.toString()).contains("INVALID RUN", "load generator stalled", "report written to");
        RunReport report = ReportJson.read(dir.resolve("report.json"));
        assertThat(report.validity().valid()).isFalse();
        assertThat(report.results().get(0).delivery().missing()).isZero();
    }

    @Test
    void forkedServerRunsInItsOwnJvmWithItsMemoryAndGcMeasured(@TempDir Path dir) throws Exception {
        int code = run("run", "--server=fork", "--strategies=ws", "--clients=20", "--warmup=1s", "--duration=2s",
                "--rate=5", "--max-loader-stall=5s", "--max-publisher-lag=5s", "--out=" + dir);

        assertThat(code).as(out.toString() + err).isZero();
        StrategyResult r = ReportJson.read(dir.resolve("report.json")).results().get(0);
        assertThat(r.delivery().delivered()).isEqualTo(r.delivery().expectedDeliveries()).isEqualTo(10 * 20);
        // 20 idle connections can grow the heap by less than two readings differ: then n/a, with the readings kept
        assertThat(r.memory().heapBaselineBytes()).isPositive();
        assertThat(r.memory().heapWithConnectionsBytes()).isPositive();
        if (r.memory().available()) {
            assertThat(r.memory().heapBytesPerConnection() + r.memory().directBytesPerConnection()).isPositive();
        } else {
            assertThat(r.memory().unavailableReason()).startsWith("below the noise floor");
        }
        assertThat(r.memory().method()).isEqualTo("jvm-after-gc:fork");
        assertThat(r.memory().idleConnections()).isEqualTo(20);
        assertThat(r.gc().scope()).isEqualTo("server (forked JVM)");
        assertThat(r.cpu().serverCpuMicros()).isNotNull();
        // from the forked server's /metrics: at 5 msg/s each of the 20 connections keeps up, a write per message
        assertThat(r.cpu().serverMessagesPerWrite()).isNotNull().isBetween(1.0, 1.5);
        assertThat(r.requests().serverRequests()).isNotNull();
        ClockInfo clock = ReportJson.read(dir.resolve("report.json")).environment().clock();
        assertThat(clock.targetClock()).isEqualTo("same-host");
        assertThat(clock.offsetMethod()).as(String.valueOf(clock.unavailableReason())).isEqualTo("http-exchange");
        assertThat(clock.exchanges() + clock.exchangesFailed()).isBetween(1, 20);
        assertThat(Math.abs(clock.offsetMicros())).as("one host, one clock").isLessThanOrEqualTo(clock.uncertaintyMicros());
        assertThat(out.toString()).as("the offset line is for external targets").doesNotContain("server clock offset");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:{closed}/pub                        | publish template has no {topic} placeholder in the URL",
            "redis://127.0.0.1:{closed}/chat                      | publish channel template 'chat'",
            "http://127.0.0.1:{closed}/pub/{topic}                | publish target unreachable: cannot connect the publisher to http://127.0.0.1:{closed}/pub/{topic}",
            "redis://127.0.0.1:{closed}/{topic}                   | publish target unreachable: cannot connect the publisher to Redis at redis://127.0.0.1:{closed}/{topic}",
            "postgresql://127.0.0.1:{closed}/test?user=postgres   | publish target unreachable: cannot connect the publisher to PostgreSQL at postgresql://127.0.0.1:{closed}/test"})
    void badPublishTargetExits2NamingTheProblem(String url, String message) throws Exception {
        String closed = Integer.toString(closedPort());

        int code = run("run", "--strategies=sse", "--url-sse=http://127.0.0.1:" + closed + "/sse/{topic}",
                "--publish-url=" + url.trim().replace("{closed}", closed));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(message.trim().replace("{closed}", closed));
    }

    @Test
    void serverPidThatIsNotRunningExits2NamingIt() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);

        int code = run("run", "--strategies=sse", "--url-sse=http://127.0.0.1:1/sse/{topic}",
                "--publish-url=http://127.0.0.1:1/pub/{topic}", "--server-pid=" + done.pid());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--server-pid " + done.pid() + ": no such process is running on this host");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--topic-prefix=a/b         | invalid --topic-prefix 'a/b': use letters, digits",
            "--clock-probe=ntp          | invalid --clock-probe 'ntp': expected endpoint, date or off",
            "--server-metrics-url=ftp://x | --server-metrics-url ftp://x: expected an http:// or https:// URL"})
    void badExternalTargetOptionExits2NamingIt(String option, String message) {
        int code = run("run", "--strategies=sse", "--url-sse=http://127.0.0.1:1/sse/{topic}",
                "--publish-url=http://127.0.0.1:1/pub/{topic}", option.trim());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(message.trim());
    }

    @Test
    void runHelpDescribesEveryPublishOption() {
        assertThat(run("run", "--help")).isZero();
        String help = out.toString().replaceAll("\\s+", "");   // picocli wraps lines anywhere

        assertThat(help).contains("--publish-url=TEMPLATE", "http://host:8080/publish/{topic}",
                "redis://host:6379/{topic}(RedisPUBLISH", "postgresql://host:5432/db?user=postgres&channel={topic}",
                "{payload:json}", "--publish-method=METHOD", "--publish-body=TEMPLATE",
                "'{\"channel\":\"{topic:json}\",\"data\":\"{payload:json}\"}'", "'topic={topic:form}&data={payload:form}'",
                "--publish-header='NAME:VALUE'", "(repeatable)", "--publish-token=TOKEN");
    }

    @Test
    void payloadTooLargeForPostgresNotifyExits2NamingTheLimit() {
        int code = run("run", "--strategies=sse", "--payload=8000", "--url-sse=http://127.0.0.1:1/sse/{topic}",
                "--publish-url=postgresql://127.0.0.1:5432/test?user=postgres");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("payload of 8000 bytes is too large for PostgreSQL NOTIFY",
                "shorter than 8000 bytes");
    }

    private static int closedPort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void externalTargetGivenByUrlTemplatesProducesTheSameKindOfReport(@TempDir Path dir) throws Exception {
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.pushbench.server.ServerMain", "--port=0")
                .redirectError(dir.resolve("server.log").toFile()).start();
        try {
            int port = portOf(server);
            String base = "http://127.0.0.1:" + port;
            int code = run("run", "--strategies=poll,long-poll,sse,ws", "--clients=10", "--warmup=1s", "--duration=2s",
                    "--rate=4", "--poll-interval=500ms", "--max-loader-stall=5s", "--max-publisher-lag=5s",
                    "--url-poll=" + base + "/poll/{topic}?after={seq}",
                    "--url-long-poll=" + base + "/long-poll/{topic}?after={seq}",
                    "--url-sse=" + base + "/sse/{topic}",
                    "--url-ws=ws://127.0.0.1:" + port + "/ws/{topic}?after={seq}",
                    "--publish-url=" + base + "/publish/{topic}", "--out=" + dir.resolve("run"),
                    // pushbench's own server has /clock; an external target is asked for it only on request
                    "--clock-probe=endpoint");

            assertThat(code).as(out.toString() + err).isZero();
            RunReport report = ReportJson.read(dir.resolve("run/report.json"));
            assertThat(report.configuration().server()).isEqualTo("external");
            assertThat(report.configuration().target().urlTemplates()).containsKeys("poll", "long-poll", "sse", "ws");
            assertThat(report.results()).extracting(StrategyResult::strategy)
                    .containsExactly(Strategy.SHORT_POLLING, Strategy.LONG_POLLING, Strategy.SSE, Strategy.WEBSOCKET);
            for (StrategyResult r : report.results()) {
                assertThat(r.validity().reasons()).isEmpty();
                assertThat(r.delivery().published()).isEqualTo(8);
                assertThat(r.delivery().delivered()).isEqualTo(8 * 10);
                assertThat(r.delivery().missing() + r.delivery().duplicates() + r.delivery().outOfOrder()
                        + r.delivery().lostByRetention()).as(r.strategy().label()).isZero();
                assertThat(r.latency().fromScheduled().count()).isEqualTo(8 * 10);
                assertThat(r.cpu().serverMethod()).isEqualTo("unavailable");
                assertThat(r.cpu().serverMessagesPerWrite()).as("no server counters named").isNull();
                assertThat(r.memory().available()).isFalse();
                assertThat(r.networkBytes().available()).isTrue();
            }
            ClockInfo clock = report.environment().clock();
            assertThat(clock.targetClock()).isEqualTo("same-host");
            assertThat(clock.offsetMethod()).as(String.valueOf(clock.unavailableReason())).isEqualTo("http-exchange");
            assertThat(clock.clockUrl()).isEqualTo(base + "/clock");
            assertThat(Math.abs(clock.offsetMicros())).isLessThanOrEqualTo(clock.uncertaintyMicros());
            assertThat(out.toString()).contains("server clock offset: ", "http-exchange", "not applied to latency");
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int portOf(Process server) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        Pattern listening = Pattern.compile("listening on http://[^:]+:(\\d+)");
        String line;
        while ((line = lines.readLine()) != null) {
            Matcher m = listening.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            seen.add(line);
        }
        throw new IllegalStateException("the server did not say where it listens: " + seen);
    }
}
