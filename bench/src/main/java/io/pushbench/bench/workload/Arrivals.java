package io.pushbench.bench.workload;

import java.util.Locale;

/** How scheduled publish times are spaced. */
public enum Arrivals {
    /** Evenly spaced: one message every 1/rate seconds per topic. */
    FIXED("fixed"),
    /** A Poisson process of the same mean rate per topic (exponential gaps from the seed). */
    POISSON("poisson");

    private final String label;

    Arrivals(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException naming the accepted labels */
    public static Arrivals fromLabel(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Arrivals a : values()) {
            if (a.label.equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("invalid arrivals '" + text + "': expected fixed or poisson");
    }
}
