package io.pushbench.report;

import java.util.List;

/**
 * Whether a result (or a whole run) can be trusted.
 *
 * @param valid   {@code true} when no reason was found to distrust it
 * @param reasons why not, one sentence each, e.g. {@code "3 deliveries missing"}; empty when valid
 */
public record Validity(boolean valid, List<String> reasons) {

    public Validity {
        reasons = List.copyOf(reasons);
    }

    /** A valid verdict. */
    public static Validity ok() {
        return new Validity(true, List.of());
    }

    /** Valid when there are no reasons. */
    public static Validity of(List<String> reasons) {
        return new Validity(reasons.isEmpty(), reasons);
    }
}
