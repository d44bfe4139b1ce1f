package io.pushbench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a result (or a whole run) can be trusted, and if not, why.
 *
 * @param valid   {@code true} only when the verdict is {@link RunVerdict#VALID}
 * @param verdict valid, saturated or invalid; reports of schema version 1 and 2 have none, and it is read as
 *                {@code valid} or {@code invalid} from {@code valid}
 * @param reasons why not, one sentence each, e.g. {@code "3 deliveries missing"}; empty when valid
 */
public record Validity(boolean valid, RunVerdict verdict, List<String> reasons) {

    public Validity {
        reasons = List.copyOf(reasons);
        if (verdict == null) {
            verdict = valid ? RunVerdict.VALID : RunVerdict.INVALID;
        }
        valid = verdict == RunVerdict.VALID;
    }

    /** A valid verdict. */
    public static Validity ok() {
        return new Validity(true, RunVerdict.VALID, List.of());
    }

    /** Valid when there are no reasons, else invalid. */
    public static Validity of(List<String> reasons) {
        return of(reasons, List.of());
    }

    /**
     * Invalid when there is a reason to distrust the result, else saturated when there is a reason it did not keep
     * up, else valid; the reasons are listed in that order.
     */
    public static Validity of(List<String> invalidReasons, List<String> saturationReasons) {
        List<String> all = new ArrayList<>(invalidReasons);
        all.addAll(saturationReasons);
        RunVerdict verdict = !invalidReasons.isEmpty() ? RunVerdict.INVALID
                : !saturationReasons.isEmpty() ? RunVerdict.SATURATED : RunVerdict.VALID;
        return new Validity(verdict == RunVerdict.VALID, verdict, all);
    }

    /** The verdict of several: the worst of them, with every reason given. */
    public static Validity of(RunVerdict verdict, List<String> reasons) {
        return new Validity(verdict == RunVerdict.VALID, verdict, reasons);
    }
}
