package io.pushbench.report.compare;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a comparison concluded for one metric. */
public enum Verdict {
    /** The candidate is significantly better, by at least the minimum effect size. */
    BETTER("better"),
    /** The candidate is significantly worse, by at least the minimum effect size. */
    WORSE("worse"),
    /** No difference both significant and at least the minimum effect size. */
    NO_SIGNIFICANT_CHANGE("no significant change"),
    /** Not tested: a single run of a timing metric, or too few repeats to ever reach significance. */
    NOT_TESTED("not tested");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The JSON and table label, e.g. {@code no significant change}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The constant with this label. */
    @JsonCreator
    public static Verdict fromLabel(String label) {
        return Labels.find(values(), Verdict::label, label, "verdict");
    }
}
