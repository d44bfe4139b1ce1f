package io.pushbench.plots.compare;

import io.pushbench.plots.style.OkabeIto;
import io.pushbench.report.compare.Verdict;

import java.awt.Color;

/**
 * Colours of verdicts: better in blue, worse in vermillion (Okabe–Ito, told apart with colour blindness),
 * no change in grey, not tested in light grey; every bar also carries its verdict as text, for grey print.
 */
final class VerdictColors {

    private VerdictColors() {
    }

    static Color of(Verdict verdict) {
        if (verdict == null) {
            return new Color(0xDD, 0xDD, 0xDD);
        }
        return switch (verdict) {
            case BETTER -> OkabeIto.BLUE;
            case WORSE -> OkabeIto.VERMILLION;
            case NO_SIGNIFICANT_CHANGE -> new Color(0x99, 0x99, 0x99);
            case NOT_TESTED -> new Color(0xDD, 0xDD, 0xDD);
        };
    }
}
