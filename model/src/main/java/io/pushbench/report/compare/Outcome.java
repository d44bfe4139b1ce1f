package io.pushbench.report.compare;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The result of a whole comparison, with the exit code {@code pushbench compare} gives it. */
public enum Outcome {
    /** Nothing gated got significantly worse: exit 0. */
    PASS("pass", 0),
    /** At least one gated metric got significantly worse: exit 1. */
    REGRESSION("regression", 1),
    /** The runs' configurations differ and the comparison was not forced: exit 2. */
    REFUSED("refused", 2);

    private final String label;
    private final int exitCode;

    Outcome(String label, int exitCode) {
        this.label = label;
        this.exitCode = exitCode;
    }

    /** The JSON label. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The process exit code for this outcome. */
    public int exitCode() {
        return exitCode;
    }

    /** The constant with this label. */
    @JsonCreator
    public static Outcome fromLabel(String label) {
        return Labels.find(values(), Outcome::label, label, "outcome");
    }
}
