package io.pushbench.bench.claims;

import io.pushbench.report.claims.ClaimVerdict;
import io.pushbench.report.claims.ClaimsReport;

import java.util.Locale;

/** The table printed at the end of {@code pushbench claims}: one line per claim, its verdict and finding. */
final class ClaimsSummary {

    private static final int FINDING_WIDTH = 110;

    private ClaimsSummary() {
    }

    static String table(ClaimsReport report) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-2s %-62s %-16s %s%n", "#", "claim", "verdict", "finding"));
        b.append("-".repeat(2 + 1 + 62 + 1 + 16 + 1 + FINDING_WIDTH)).append('\n');
        for (ClaimVerdict c : report.claims()) {
            String finding = c.finding() == null ? "" : c.finding();
            if (finding.length() > FINDING_WIDTH) {
                finding = finding.substring(0, FINDING_WIDTH - 3) + "...";
            }
            b.append(String.format(Locale.ROOT, "%-2d %-62s %-16s %s%n", c.number(), c.title(), c.verdict(), finding));
        }
        return b.toString();
    }
}
