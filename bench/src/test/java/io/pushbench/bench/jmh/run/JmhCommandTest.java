package io.pushbench.bench.jmh.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JmhCommandTest {

    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void doNotWaitForJmhsMachineLock() {
        // forks 0, nothing measured: a benchmark run elsewhere on the machine may hold JMH's lock
        System.setProperty("jmh.ignoreLock", "true");
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new JmhCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void quickProfileWritesJmhJsonWithPerOpCountersAndProvenanceIntoTheRunFolder(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        int exit = run("--profile", "quick", "--forks", "0", "--out", out.toString(),
                "-p", "encoding=WS_FRAME", "ServerEncodingBenchmark.encode");

        assertThat(exit).isEqualTo(JmhCommand.EXIT_OK);
        JsonNode results = new ObjectMapper().readTree(out.resolve("jmh.json").toFile());
        assertThat(results).hasSize(1);
        JsonNode only = results.get(0);
        assertThat(only.at("/params/encoding").asText()).isEqualTo("WS_FRAME");
        assertThat(only.at("/params/payloadBytes").asText()).isEqualTo(JmhProfile.QUICK_PAYLOAD_BYTES);
        assertThat(only.at("/measurementIterations").asInt()).isEqualTo(3);
        assertThat(only.at("/secondaryMetrics/wireBytesPerOp/score").asDouble()).isEqualTo(2 + 8 + 64);
        assertThat(only.at("/secondaryMetrics/wireBytesPerOp/scoreUnit").asText()).isEqualTo("B/op");

        JsonNode metadata = new ObjectMapper().readTree(out.resolve("run-metadata.json").toFile());
        assertThat(metadata.at("/kind").asText()).isEqualTo("jmh");
        assertThat(metadata.at("/runId").asText()).isEqualTo("run");
        assertThat(metadata.at("/profile").asText()).isEqualTo("quick");
        assertThat(metadata.at("/params/encoding").asText()).isEqualTo("WS_FRAME");
        assertThat(metadata.at("/environment/jvm/version").asText()).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(metadata.at("/environment/host/cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(metadata.at("/environment/git/commit").asText()).matches("[0-9a-f]{40}");
    }

    @Test
    void unknownProfileIsAUsageError() {
        assertThat(run("--profile", "fast")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown profile 'fast'; expected quick, full or heavy");
    }

    @Test
    void aRegexMatchingNothingIsAnInvalidRun(@TempDir Path dir) {
        assertThat(run("--profile", "quick", "--out", dir.toString(), "NoSuchBenchmark")).isEqualTo(JmhCommand.EXIT_INVALID_RUN);
        assertThat(err.toString()).contains("no benchmark matches [NoSuchBenchmark]");
    }
}
