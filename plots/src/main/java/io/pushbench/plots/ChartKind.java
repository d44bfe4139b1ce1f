package io.pushbench.plots;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of chart pushbench draws, by the name used on the command line ({@code plot --chart sweep}). */
public enum ChartKind {
    /** Delivery latency by percentile, per strategy. */
    LATENCY("latency"),
    /** Bytes per delivered message by category, up and down, per strategy. */
    BYTES("bytes"),
    /** HTTP requests per delivered message and empty responses, per strategy. */
    REQUESTS("requests"),
    /** CPU per delivered message, server and load generator, per strategy. */
    CPU("cpu"),
    /** Deliveries per second, p99 latency and connected clients over the measured window. */
    TIMELINE("timeline"),
    /** A metric against the swept parameter, measured and modelled, per strategy. */
    SWEEP("sweep");

    private final String label;

    ChartKind(String label) {
        this.label = label;
    }

    /** The command-line name, e.g. {@code sweep}. */
    public String label() {
        return label;
    }

    /**
     * The kind with this name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static ChartKind fromLabel(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown chart '" + text + "'; expected one of "
                        + Arrays.stream(values()).map(ChartKind::label).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return label;
    }
}
