package io.pushbench.compare.run;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What was measured: a strategy at a sweep point (load reports), or a benchmark with its parameters
 * (JMH). Two runs' metrics are compared when their subjects are equal.
 *
 * @param name the strategy label or the benchmark's name
 * @param strategy the strategy label; null for a benchmark that has none
 * @param parameters the sweep point or JMH parameters, sorted by name; empty when none
 */
public record Subject(String name, String strategy, Map<String, String> parameters) {

    public Subject {
        parameters = new TreeMap<>(parameters);
    }

    /** For people: {@code ws}, {@code ws [clients=1000]}, {@code Bench.encode [payloadBytes=64, strategy=ws]}. */
    public String display() {
        if (parameters.isEmpty()) {
            return name;
        }
        return name + parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", " [", "]"));
    }

    @Override
    public String toString() {
        return display();
    }
}
