package io.pushbench.report.jmh;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One entry of JMH's JSON result file: one benchmark method under one parameter set.
 *
 * <p>Only the fields pushbench reads are modelled; JMH's other fields are ignored.
 *
 * @param jmhVersion            the JMH version that ran it, e.g. {@code 1.37}
 * @param benchmark             the fully qualified method, e.g. {@code io.pushbench.bench.jmh.SseEventEncoderBenchmark.encode}
 * @param mode                  {@code thrpt}, {@code avgt}, {@code sample}, {@code ss}
 * @param threads               benchmark threads
 * @param forks                 forked JVMs
 * @param jdkVersion            the JDK of the forks, e.g. {@code 17.0.15}
 * @param vmName                e.g. {@code OpenJDK 64-Bit Server VM}
 * @param jvmArgs               the forks' JVM arguments
 * @param warmupIterations      warm-up iterations per fork
 * @param warmupTime            per warm-up iteration, as JMH prints it ({@code "1 s"})
 * @param measurementIterations measured iterations per fork
 * @param measurementTime       per measured iteration ({@code "1 s"})
 * @param params                {@code @Param} name to value, in declaration order; empty when none
 * @param primaryMetric         the benchmark's score
 * @param secondaryMetrics      name to metric: {@code @AuxCounters} fields and profiler outputs
 *                              (profiler names start with {@code "·"})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JmhResult(
        String jmhVersion,
        String benchmark,
        String mode,
        int threads,
        int forks,
        String jdkVersion,
        String vmName,
        List<String> jvmArgs,
        int warmupIterations,
        String warmupTime,
        int measurementIterations,
        String measurementTime,
        Map<String, String> params,
        JmhMetric primaryMetric,
        Map<String, JmhMetric> secondaryMetrics) {

    public JmhResult {
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        secondaryMetrics = secondaryMetrics == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(secondaryMetrics));
    }

    /** The benchmark class, fully qualified: everything before the method name. */
    public String benchmarkClass() {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? "" : benchmark.substring(0, dot);
    }

    /** The benchmark method's name, e.g. {@code encode}. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** The parameter set as {@code name=value, name=value}, or {@code ""} when there are no parameters. */
    public String paramsText() {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The secondary metrics a benchmark counted itself ({@code @AuxCounters}), without profiler outputs. */
    public Map<String, JmhMetric> auxCounters() {
        Map<String, JmhMetric> aux = new LinkedHashMap<>();
        secondaryMetrics.forEach((name, metric) -> {
            if (!name.startsWith("\u00b7")) {
                aux.put(name, metric);
            }
        });
        return aux;
    }
}
