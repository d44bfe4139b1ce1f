package io.pushbench.report;

import java.util.List;

/**
 * One parameter run over several values, as given by {@code --sweep NAME=v1,v2,...}.
 *
 * @param parameter {@code clients}, {@code rate}, {@code interval} or {@code payload}
 * @param values    the values as given, in run order (durations keep their unit, e.g. {@code "500ms"})
 */
public record SweepSpec(String parameter, List<String> values) {

    public SweepSpec {
        values = List.copyOf(values);
    }
}
