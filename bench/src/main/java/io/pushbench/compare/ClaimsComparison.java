package io.pushbench.compare;

import io.pushbench.report.ReportFormatException;
import io.pushbench.report.claims.ClaimVerdict;
import io.pushbench.report.claims.ClaimsJson;
import io.pushbench.report.claims.ClaimsReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Two {@code claims.json} side by side ({@code pushbench compare} given two claims folders or files): each claim's
 * verdict in both, and whether it changed. Exit code 1 when a verdict changed, 0 when none did.
 */
public final class ClaimsComparison {

    private ClaimsComparison() {
    }

    /** The claims file of a folder or file argument, or null when it is not one (a run report, a JMH file). */
    public static Path claimsFile(Path arg) {
        Path file = Files.isDirectory(arg) ? arg.resolve(ClaimsJson.FILE_NAME) : arg;
        return Files.isRegularFile(file) && ClaimsJson.isClaimsFile(file) ? file : null;
    }

    /** The comparison as text; {@code changed[0]} set when a verdict changed. */
    public static String text(Path base, Path candidate, boolean[] changed) throws ReportFormatException {
        ClaimsReport a = ClaimsJson.read(base);
        ClaimsReport b = ClaimsJson.read(candidate);
        Map<Integer, ClaimVerdict> before = new LinkedHashMap<>();
        a.claims().forEach(c -> before.put(c.number(), c));
        StringBuilder t = new StringBuilder();
        t.append("claims ").append(a.runId()).append(" (").append(a.profile()).append(") -> ").append(b.runId())
                .append(" (").append(b.profile()).append(")\n");
        t.append(String.format(Locale.ROOT, "%-2s %-62s %-16s %-16s %s%n", "#", "claim", "base", "candidate", ""));
        for (ClaimVerdict c : b.claims()) {
            ClaimVerdict old = before.remove(c.number());
            String was = old == null ? "-" : old.verdict();
            boolean differs = old != null && !was.equals(c.verdict());
            changed[0] |= differs;
            t.append(String.format(Locale.ROOT, "%-2d %-62s %-16s %-16s %s%n", c.number(), c.title(), was, c.verdict(),
                    differs ? "CHANGED" : ""));
        }
        before.values().forEach(c -> t.append(String.format(Locale.ROOT, "%-2d %-62s %-16s %-16s%n", c.number(), c.title(),
                c.verdict(), "-")));
        return t.toString();
    }
}
