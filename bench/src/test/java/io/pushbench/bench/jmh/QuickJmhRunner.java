package io.pushbench.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pushbench.bench.jmh.counters.PerOpProfiler;
import io.pushbench.bench.jmh.run.JmhProfile;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs benchmarks with the quick profile through JMH's real {@link Runner}, in this JVM (forks 0) and
 * with tiny iterations so tests stay fast, and returns JMH's JSON as a tree.
 */
public final class QuickJmhRunner {
    /** Tests' iteration length, milliseconds: enough for a few operations even of a fan-out to 100 clients. */
    private static final int ITERATION_MILLIS = 100;

    private QuickJmhRunner() {
    }

    /** Runs the benchmarks matching {@code include}; {@code params} are extra NAME, VALUE pairs. */
    public static List<JsonNode> run(Path dir, String include, String... params) throws RunnerException, IOException {
        Path json = dir.resolve("jmh.json");
        Map<String, String[]> overrides = new LinkedHashMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            overrides.put(params[i], params[i + 1].split(","));
        }
        ChainedOptionsBuilder options = JmhProfile.QUICK.applyTo(new OptionsBuilder(), overrides)
                .include(include)
                .forks(0)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(ITERATION_MILLIS))
                .measurementIterations(2)
                .measurementTime(TimeValue.milliseconds(ITERATION_MILLIS))
                .addProfiler(PerOpProfiler.class)
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        // tests run in this JVM (forks 0) and measure nothing: they need not wait for JMH's machine-wide lock,
        // which a benchmark run elsewhere on the machine may hold
        System.setProperty("jmh.ignoreLock", "true");
        new Runner(options.build()).run();
        List<JsonNode> results = new ArrayList<>();
        new ObjectMapper().readTree(json.toFile()).forEach(results::add);
        return results;
    }

    /** The result of benchmark method {@code method} (simple name) with these params, or fails. */
    public static JsonNode result(List<JsonNode> results, String method, String... paramPairs) {
        return results.stream()
                .filter(r -> r.get("benchmark").asText().endsWith("." + method))
                .filter(r -> matches(r.get("params"), paramPairs))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + method + " " + List.of(paramPairs) + " in " + results));
    }

    /** A secondary metric's score (e.g. {@code wireBytesPerOp}), or fails when JMH did not report it. */
    public static double secondary(JsonNode result, String name) {
        JsonNode metric = result.path("secondaryMetrics").get(name);
        if (metric == null) {
            throw new AssertionError("no secondary metric " + name + " in " + result.path("secondaryMetrics"));
        }
        return metric.get("score").asDouble();
    }

    private static boolean matches(JsonNode params, String... pairs) {
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (params == null || !pairs[i + 1].equals(params.path(pairs[i]).asText())) {
                return false;
            }
        }
        return true;
    }
}
