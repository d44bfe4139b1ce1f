package io.pushbench.report.compare;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether a metric is an exact count or a timing. An exact count (bytes per message, requests per
 * message) comes out the same every time the same workload runs, so one run against one run may be
 * called changed; a timing (latency, CPU, throughput, JMH scores) varies from run to run and needs
 * repeats to be tested.
 */
public enum MetricKind {
    EXACT_COUNT("exact count"),
    TIMING("timing");

    private final String label;

    MetricKind(String label) {
        this.label = label;
    }

    /** The JSON label: {@code exact count} or {@code timing}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The constant with this label. */
    @JsonCreator
    public static MetricKind fromLabel(String label) {
        return Labels.find(values(), MetricKind::label, label, "kind");
    }
}
