package io.pushbench.bench.jmh.run;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How long and how wide a benchmark run is. Settings are chosen for a 2-core machine that also runs
 * the benchmark's own server and clients: see each constant.
 *
 * <p>Typical use: {@code JmhProfile.QUICK.applyTo(new OptionsBuilder().include("Encoding"), Map.of())}.
 */
public enum JmhProfile {
    /**
     * Smoke run, a few seconds per benchmark: 1 fork, 1 x 200 ms warm-up, 3 x 200 ms measurement,
     * 64-byte payloads, fan-out to 1 and 100 clients. Scores have no meaningful error bars; it proves
     * the benchmarks run and their counters count.
     */
    QUICK("quick"),
    /**
     * Real measurements: each benchmark class's own settings (micro benchmarks: 2 forks, 10 x 1 s
     * warm-up, 5 x 1 s measurement, so the 99.9% error spans two JVMs' JIT outcomes; fan-out: 2 forks,
     * longer iterations) and every declared parameter value.
     */
    FULL("full"),
    /** {@link #FULL} plus fan-out to 5,000 clients (one JVM holds 10,000 sockets, under the 20,000-file limit). */
    HEAVY("heavy");

    /** Fan-out client counts of the heavy profile. */
    static final String[] HEAVY_CLIENTS = {"1", "100", "1000", "5000"};
    /** Quick profile: payload size of every benchmark, bytes. */
    static final String QUICK_PAYLOAD_BYTES = "64";
    /** Quick profile: fan-out client counts. */
    static final String[] QUICK_CLIENTS = {"1", "100"};
    /** Quick profile: length of each warm-up and measurement iteration, milliseconds. */
    static final int QUICK_ITERATION_MILLIS = 200;

    private final String label;

    JmhProfile(String label) {
        this.label = label;
    }

    /** The name used on the command line and in run metadata: {@code quick}, {@code full}, {@code heavy}. */
    public String label() {
        return label;
    }

    /**
     * Adds this profile's settings to {@code options}. Fork and iteration settings set later on the
     * builder win; parameters are merged here because JMH adds up values given twice.
     *
     * @param paramOverrides parameter values that replace the profile's (e.g. from {@code -p}); may be empty
     */
    public ChainedOptionsBuilder applyTo(ChainedOptionsBuilder options, Map<String, String[]> paramOverrides) {
        Map<String, String[]> params = new LinkedHashMap<>();
        switch (this) {
            case QUICK -> {
                options.forks(1)
                        .warmupIterations(1)
                        .warmupTime(TimeValue.milliseconds(QUICK_ITERATION_MILLIS))
                        .measurementIterations(3)
                        .measurementTime(TimeValue.milliseconds(QUICK_ITERATION_MILLIS));
                params.put("payloadBytes", new String[] {QUICK_PAYLOAD_BYTES});
                params.put("clients", QUICK_CLIENTS);
            }
            case HEAVY -> params.put("clients", HEAVY_CLIENTS);
            case FULL -> { }
        }
        params.putAll(paramOverrides);
        params.forEach(options::param);
        return options;
    }

    /** The profile with this label (case-insensitive). */
    public static JmhProfile fromLabel(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (JmhProfile p : values()) {
            if (p.label.equals(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + text + "'; expected quick, full or heavy");
    }

    @Override
    public String toString() {
        return label;
    }
}
