package io.pushbench.compare;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which metrics fail a comparison when they get significantly worse: a list of metric id patterns where
 * {@code *} matches any text ({@code latency.*}, {@code *PerOp}, {@code score}); {@code *} alone gates
 * everything.
 */
public final class MetricGate {

    /**
     * The default gate: the headline figures of both result kinds. Load: median and p99 latency, bytes
     * and requests per message, server CPU per message, deliveries per second. JMH: the score and the
     * per-operation counters (bytes, requests, allocation).
     */
    public static final List<String> DEFAULT_PATTERNS = List.of("latency.p50", "latency.p99", "bytes.*.per-msg",
            "requests.per-msg", "cpu.server.us-per-msg", "deliveries.per-sec", "score", "*PerOp", "*.alloc.rate.norm");

    private final List<String> patterns;
    private final List<Pattern> compiled;

    /** A gate of the given patterns; an empty list gates nothing. */
    public MetricGate(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        this.compiled = patterns.stream().map(MetricGate::compile).toList();
    }

    /** Whether the metric with this id is gated. */
    public boolean gates(String metricId) {
        return compiled.stream().anyMatch(p -> p.matcher(metricId).matches());
    }

    /** The patterns as given. */
    public List<String> patterns() {
        return patterns;
    }

    private static Pattern compile(String glob) {
        String[] parts = glob.trim().split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(i > 0 ? ".*" : "").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
