package io.pushbench.report.compare;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which way a metric improves: latency, bytes and CPU get better when SMALLER, throughput when BIGGER. */
public enum BetterWhen {
    SMALLER("smaller"),
    BIGGER("bigger");

    private final String label;

    BetterWhen(String label) {
        this.label = label;
    }

    /** The JSON label: {@code smaller} or {@code bigger}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The constant with this label. */
    @JsonCreator
    public static BetterWhen fromLabel(String label) {
        return Labels.find(values(), BetterWhen::label, label, "betterWhen");
    }
}
