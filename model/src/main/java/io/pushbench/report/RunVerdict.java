package io.pushbench.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a result (or a whole run) is: trustworthy, saturated (every message arrived, but the system did not keep up
 * with the schedule, so its figures describe a backlog), or invalid (loss, errors, or a broken measurement).
 */
public enum RunVerdict {
    /** No reason was found to distrust the result. */
    VALID("valid"),
    /**
     * Nothing was lost, but the run did not keep up: fewer deliveries received in the window than were scheduled in
     * it, or latency trending up across the window. Its figures are those of a saturated system: data, not a rate
     * the system sustains.
     */
    SATURATED("saturated"),
    /** Loss, duplicates, errors, or a measurement that cannot be trusted. */
    INVALID("invalid");

    private final String label;

    RunVerdict(String label) {
        this.label = label;
    }

    /** The label in JSON and tables: {@code valid}, {@code saturated}, {@code invalid}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The verdict of a label. */
    @JsonCreator
    public static RunVerdict fromLabel(String label) {
        for (RunVerdict v : values()) {
            if (v.label.equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict \"" + label + "\" (valid, saturated, invalid)");
    }

    /** The worse of two verdicts: invalid over saturated over valid. */
    public RunVerdict worse(RunVerdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
