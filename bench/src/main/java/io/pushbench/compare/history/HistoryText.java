package io.pushbench.compare.history;

import io.pushbench.compare.Numbers;
import io.pushbench.compare.render.TextTable;
import io.pushbench.report.compare.HistoryPoint;
import io.pushbench.report.compare.HistoryReport;
import io.pushbench.report.compare.MetricSeries;
import io.pushbench.report.compare.Verdict;
import java.util.List;
import java.util.Locale;

/** Renders a history for people: per series, one row per run, steps marked; as terminal text or Markdown. */
public final class HistoryText {

    private static final List<String> COLUMNS = List.of("run", "commit", "start", "median", "n", "change", "p", "step");

    private HistoryText() {
    }

    /** Terminal text. */
    public static String terminal(HistoryReport h) {
        return render(h, false);
    }

    /** GitHub-flavoured Markdown. */
    public static String markdown(HistoryReport h) {
        return render(h, true);
    }

    private static String render(HistoryReport h, boolean markdown) {
        StringBuilder out = new StringBuilder();
        out.append(markdown ? "### " : "").append("pushbench history of ").append(h.folder()).append(": ")
                .append(h.runs().size()).append(" run(s), ").append(h.series().size()).append(" series\n\n");
        long steps = h.series().stream().flatMap(s -> s.points().stream()).filter(HistoryPoint::marksStep).count();
        out.append(steps == 0 ? "No significant step.\n\n" : steps + " significant step(s), marked STEP below.\n\n");
        for (MetricSeries s : h.series()) {
            out.append(markdown ? "#### " : "== ").append(s.subject()).append(' ').append(s.metric()).append(" (")
                    .append(s.unit()).append(", ").append(s.betterWhen().label()).append(" is better, ")
                    .append(s.kind().label()).append(")\n");
            TextTable table = new TextTable(COLUMNS);
            for (HistoryPoint p : s.points()) {
                table.add(List.of(p.runId(), shortCommit(p.commit()), p.startTime() == null ? "-" : p.startTime(),
                        Numbers.format(p.median()), String.valueOf(p.samples().size()),
                        p.step() == null ? "-" : Numbers.percent(p.changePercent()),
                        p.pValue() == null ? "-" : String.format(Locale.ROOT, "%.4f", p.pValue()), step(p.step())));
            }
            out.append(markdown ? "\n" + table.toMarkdown() : table.toTerminal()).append('\n');
        }
        if (!h.skipped().isEmpty()) {
            out.append("Skipped (not readable):\n");
            h.skipped().forEach(line -> out.append("  ").append(line).append('\n'));
        }
        return out.toString();
    }

    private static String step(Verdict v) {
        if (v == null) {
            return "-";
        }
        return switch (v) {
            case BETTER -> "STEP better";
            case WORSE -> "STEP worse";
            case NOT_TESTED -> "not tested";
            default -> "no change";
        };
    }

    private static String shortCommit(String commit) {
        return commit == null ? "-" : commit.substring(0, Math.min(12, commit.length()));
    }
}
