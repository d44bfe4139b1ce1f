package io.pushbench.bench.jmh.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JmhCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new JmhCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void quickProfileWritesJmhJsonWithPerOpCountersIntoTheRunFolder(@TempDir Path dir) throws Exception {
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
