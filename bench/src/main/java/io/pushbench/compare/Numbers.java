package io.pushbench.compare;

import java.math.BigDecimal;
import java.util.Locale;

/** Formats figures for tables: about four significant digits, never scientific notation for everyday sizes, locale-independent. */
public final class Numbers {

    private Numbers() {
    }

    /** E.g. {@code 123457}, {@code 1235}, {@code 123.5}, {@code 12.35}, {@code 0.0124}; {@code 0} for zero. */
    public static String format(double v) {
        double a = Math.abs(v);
        if (v == 0) {
            return "0";
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        String small = String.format(Locale.ROOT, "%.3g", v);
        return small.contains("e") ? small : small.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** A setting as typed, without trailing zeros: {@code 0.05}, {@code 5}, {@code 2.5}. */
    public static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A signed percentage with one decimal, {@code +21.2%}; {@code n/a} for null (a change from 0). */
    public static String percent(Double p) {
        return p == null ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", p);
    }
}
