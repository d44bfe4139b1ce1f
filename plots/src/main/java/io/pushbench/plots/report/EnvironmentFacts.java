package io.pushbench.plots.report;

import io.pushbench.report.Environment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The environment of a run (load or JMH) as the name/value list a report shows: CPU, cores, OS, JVM, commit. */
public final class EnvironmentFacts {

    private EnvironmentFacts() {
    }

    /** The facts in reading order, e.g. {@code "CPU" -> "AMD EPYC 7B13"}. */
    public static Map<String, String> of(Environment e) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CPU", e.host().cpuModel());
        m.put("cores", String.valueOf(e.host().cores()));
        m.put("memory", String.format(Locale.ROOT, "%.1f GiB", e.host().memoryBytes() / (1024.0 * 1024 * 1024)));
        m.put("OS", e.host().os());
        m.put("kernel", e.host().kernel() + " (" + e.host().arch() + ")");
        m.put("JVM", e.jvm().vendor() + " " + e.jvm().vmName() + " " + e.jvm().version());
        m.put("JVM flags", String.join(" ", e.jvm().jvmArgs()));
        m.put("Netty transport", e.nettyTransport());
        m.put("clock", e.clock().method());
        if (e.clock().offsetText() != null) {
            m.put("server clock offset", e.clock().offsetText());
        }
        m.put("commit", e.git().commit() == null ? "unknown" : e.git().commit() + (e.git().dirty() ? " (dirty)" : ""));
        return m;
    }
}
