package io.pushbench.compare.jmh;

import java.util.List;
import java.util.Map;

/**
 * One entry of JMH's JSON result ({@code -rf json}): a benchmark method with one parameter set, run in
 * one mode, with the per-iteration values JMH keeps in {@code rawData} / {@code rawDataHistogram}.
 *
 * @param benchmark the fully qualified method, e.g. {@code io.pushbench.bench.jmh.encode.FooBenchmark.encode}
 * @param mode JMH's short mode label: {@code thrpt}, {@code avgt}, {@code sample}, {@code ss}
 * @param params the {@code @Param} values, empty when none
 * @param settings the run settings JMH recorded (threads, forks, iterations, times, batch sizes), as text
 * @param jvm the JVM facts JMH recorded (jmhVersion, jdkVersion, vmName, vmVersion, jvmArgs), as text
 * @param primary the score
 * @param secondaries the secondary metrics (aux counters, profiler figures) by name
 */
public record JmhBenchmarkResult(String benchmark, String mode, Map<String, String> params, Map<String, String> settings,
                                 Map<String, String> jvm, JmhMetric primary, Map<String, JmhMetric> secondaries) {

    public JmhBenchmarkResult {
        params = Map.copyOf(params);
        settings = Map.copyOf(settings);
        jvm = Map.copyOf(jvm);
        secondaries = Map.copyOf(secondaries);
    }

    /** The class and method name without the package, e.g. {@code FooBenchmark.encode}. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(type + 1);
    }

    /**
     * One metric's unit and values.
     *
     * @param unit JMH's unit, e.g. {@code ns/op}, {@code ops/s}, {@code B/op}, {@code #}
     * @param iterationValues the value of every measurement iteration, forks one after another
     * @param iterationHistograms for sample-time mode: every iteration's sampled times as (value, count)
     *                            pairs; empty otherwise
     */
    public record JmhMetric(String unit, List<Double> iterationValues, List<List<double[]>> iterationHistograms) {

        public JmhMetric {
            iterationValues = List.copyOf(iterationValues);
            iterationHistograms = List.copyOf(iterationHistograms);
        }
    }
}
