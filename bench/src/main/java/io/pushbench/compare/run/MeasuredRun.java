package io.pushbench.compare.run;

import io.pushbench.report.compare.RunInfo;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A run reduced to what comparisons need, whatever file it came from: where it came from, the settings
 * that must match for a fair comparison, the environment that should match, and every metric's samples.
 *
 * @param info where the run came from (file, kind, id, commit, time, repeats)
 * @param configuration settings that must be equal for two runs to be comparable, flattened to
 *                      {@code key → value}, e.g. {@code config.clients → 1000}
 * @param environment host, JVM and transport, flattened, e.g. {@code environment.host.cpuModel → ...}
 * @param metrics every metric of every subject, in a stable order
 * @param warnings things a reader of the comparison should know, e.g. invalid repeats
 */
public record MeasuredRun(RunInfo info, SortedMap<String, String> configuration, SortedMap<String, String> environment,
                          List<MetricSamples> metrics, List<String> warnings) {

    public MeasuredRun {
        configuration = new TreeMap<>(configuration);
        environment = new TreeMap<>(environment);
        metrics = List.copyOf(metrics);
        warnings = List.copyOf(warnings);
    }

    /** The run's kind: {@code load} or {@code jmh}. */
    public String kind() {
        return info.kind();
    }

    /** Creates a run from plain maps. */
    public static MeasuredRun of(RunInfo info, Map<String, String> configuration, Map<String, String> environment,
                                 List<MetricSamples> metrics, List<String> warnings) {
        return new MeasuredRun(info, new TreeMap<>(configuration), new TreeMap<>(environment), metrics, warnings);
    }
}
