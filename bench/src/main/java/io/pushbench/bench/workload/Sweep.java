package io.pushbench.bench.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * One parameter over several values: {@code --sweep interval=250ms,1s,5s}. Every value is checked when parsed,
 * so a typo fails before the first run starts.
 *
 * @param parameter the swept parameter
 * @param values    its values as given, in run order, at least one
 */
public record Sweep(SweepParameter parameter, List<String> values) {

    public Sweep {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one value");
        }
    }

    /**
     * Parses {@code NAME=v1,v2,...} and checks each value against {@code base}.
     *
     * @throws IllegalArgumentException with a message naming what is wrong
     */
    public static Sweep parse(String text, WorkloadParameters base) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("invalid sweep '" + text + "': expected NAME=v1,v2,... e.g. interval=500ms,1s");
        }
        SweepParameter parameter = SweepParameter.fromLabel(text.substring(0, eq));
        List<String> values = new ArrayList<>();
        for (String v : text.substring(eq + 1).split(",")) {
            if (v.isBlank()) {
                throw new IllegalArgumentException("invalid sweep '" + text + "': empty value");
            }
            String value = v.trim();
            try {
                parameter.apply(base, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid sweep value " + parameter.label() + "=" + value + ": "
                        + e.getMessage());
            }
            values.add(value);
        }
        return new Sweep(parameter, values);
    }
}
