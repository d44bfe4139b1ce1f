package io.pushbench.bench.claims;

import io.pushbench.bench.cli.PushbenchCommand;
import io.pushbench.bench.netns.IpTool;
import io.pushbench.bench.netns.Netem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code pushbench claims} refuses what it cannot do with a precise message, exit 2, and writes nothing. */
class ClaimsCommandTest {

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
            "--claims=10              | unknown claim '10': claims are numbered 1 to 9 (or all)",
            "--claims=1,x             | unknown claim 'x'",
            "--profile=huge           | unknown profile 'huge': expected quick or full",
            "--server=cloud           | invalid --server 'cloud': expected embedded or fork",
            "--network-emulator=ns3   | invalid --network-emulator 'ns3'",
            "--chat-brokers=memory    | --chat-brokers memory: claim 9 needs a broker between instances",
            "--chat-brokers=ftp://x:1 | --chat-brokers ftp://x:1: unknown broker scheme 'ftp'"})
    void badOptionsExit2WithAPreciseMessageAndWriteNothing(String option, String message, @TempDir Path dir) {
        Path folder = dir.resolve("claims");

        assertThat(run("claims", option.trim(), "--out=" + folder)).isEqualTo(2);
        assertThat(err.toString()).contains(message.trim()).contains("pushbench claims --help");
        assertThat(folder).doesNotExist();
    }

    @Test
    void roundTripRunsWithoutNetemWhenNetemIsAskedForExit2BeforeAnythingRuns(@TempDir Path dir) throws Exception {
        assumeTrue(IpTool.isRoot() && !Netem.available(), "needs root on a kernel without netem");
        Path folder = dir.resolve("claims");

        assertThat(run("claims", "--claims=3", "--network-emulator=netem", "--out=" + folder)).isEqualTo(2);
        assertThat(err.toString()).contains("the 100 ms RTT runs of claims 3, 5 and 6 cannot run here")
                .contains("has no netem qdisc").contains("--loopback-only");
        assertThat(folder).doesNotExist();
        assertThat(out.toString()).doesNotContain("run 1/");
    }

    @Test
    void roundTripRunsAsAnUnprivilegedUserExit2NamingRootBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        assumeTrue(IpTool.isRoot() && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "needs root and setpriv to start the command as uid 65534");
        Path folder = dir.resolve("claims");
        Process p = asNobody(dir, "claims", "--claims=3", "--out=" + folder);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("pushbench claims: the 100 ms RTT runs of claims 3, 5 and 6 cannot run here: "
                + "network namespaces need root (this process runs as uid 65534)").contains("--loopback-only");
        assertThat(output).doesNotContain("run 1/");
        assertThat(folder).doesNotExist();
    }

    /**
     * Starts {@code pushbench ARGS} as uid/gid 65534 in {@code dir}. The test's class path lies partly under root's
     * home (the Maven repository), which that user cannot read, so its entries are copied into {@code dir} first.
     */
    private static Process asNobody(Path dir, String... args) throws Exception {
        Path cp = Files.createDirectories(dir.resolve("cp"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path source = Path.of(entry);
            if (Files.isRegularFile(source)) {
                Path copy = cp.resolve((n++) + "-" + source.getFileName());
                Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                entries.add(copy.toString());
            } else if (Files.isDirectory(source)) {
                Path copy = cp.resolve((n++) + "-dir");
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path f : files.toList()) {
                        Path to = copy.resolve(source.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                entries.add(copy.toString());
            }
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.toList()) {
                f.toFile().setReadable(true, false);
                f.toFile().setExecutable(true, false);
            }
        }
        dir.toFile().setWritable(true, false);   // so the command could write its folder if it got that far
        List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534",
                "--clear-groups", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(java.io.File.pathSeparator, entries), PushbenchCommand.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    @Test
    void aBrowserThatDoesNotStartExits2AndLeavesNoFolder(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("claims");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PushbenchCommand.class.getName(),
                "claims", "--claims=8", "--out=" + folder).redirectErrorStream(true);
        pb.environment().put("PUSHBENCH_CHROMIUM", "/bin/false");   // executable, but no browser
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assumeTrue(!output.contains("node_modules is missing") && !output.contains("Node.js (node) is not installed"),
                "bench/browser is not installed (.ci/install-deps installs it)");
        assertThat(p.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("pushbench claims: chromium did not start");
        assertThat(folder).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.toList()).as("no partial folder left").isEmpty();
        }
    }

    @Test
    void helpNamesEveryClaimAndTheExitCodes() {
        assertThat(run("claims", "--help")).isZero();
        String help = out.toString().replaceAll("\\s+", " ");
        assertThat(help).contains("--profile", "--claims", "--loopback-only", "8 SSE is hard across origins",
                "9 SSE + Redis/PostgreSQL chat (not measured yet)", "2 bad input");
    }
}
