package io.pushbench.bench.workload;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A workload parameter that {@code --sweep NAME=v1,v2,...} can run over. */
public enum SweepParameter {
    /** Clients per strategy, e.g. {@code clients=100,1000}. */
    CLIENTS("clients") {
        @Override
        public WorkloadParameters apply(WorkloadParameters w, String value) {
            return w.withClients(parseInt(value));
        }
    },
    /** Messages per second per topic, e.g. {@code rate=0.5,5,50}. */
    RATE("rate") {
        @Override
        public WorkloadParameters apply(WorkloadParameters w, String value) {
            return w.withPublishRatePerSec(parseDouble(value));
        }
    },
    /** Short polling interval, e.g. {@code interval=250ms,1s,5s}. */
    INTERVAL("interval") {
        @Override
        public WorkloadParameters apply(WorkloadParameters w, String value) {
            return w.withPollInterval(DurationText.parse(value));
        }
    },
    /** Payload bytes, e.g. {@code payload=64,1024}. */
    PAYLOAD("payload") {
        @Override
        public WorkloadParameters apply(WorkloadParameters w, String value) {
            return w.withPayloadBytes(parseInt(value));
        }
    };

    private final String label;

    SweepParameter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The workload with this parameter set to {@code value}.
     *
     * @throws IllegalArgumentException when the value is not valid for the parameter
     */
    public abstract WorkloadParameters apply(WorkloadParameters w, String value);

    /** @throws IllegalArgumentException naming the accepted names */
    public static SweepParameter fromLabel(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (SweepParameter p : values()) {
            if (p.label.equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("cannot sweep '" + text + "': expected one of "
                + Arrays.stream(values()).map(SweepParameter::label).collect(Collectors.joining(", ")));
    }

    private static int parseInt(String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid whole number '" + v + "'");
        }
    }

    private static double parseDouble(String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid number '" + v + "'");
        }
    }
}
