package io.pushbench.compare.render;

import io.pushbench.compare.Numbers;
import io.pushbench.report.compare.ComparisonReport;
import io.pushbench.report.compare.Difference;
import io.pushbench.report.compare.MetricComparison;
import io.pushbench.report.compare.Outcome;
import io.pushbench.report.compare.RunInfo;
import io.pushbench.report.compare.Thresholds;
import io.pushbench.report.compare.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Renders a {@link ComparisonReport} for people: as a terminal table or as Markdown to paste into a
 * pull request. Both show the same things in the same order: the two runs, the rules, environment
 * warnings, the table (median and coefficient of variation of each side, change, p-value, verdict),
 * and the outcome with the list of regressions or the configuration differences that refused it.
 */
public final class ComparisonText {

    private static final List<String> COLUMNS = List.of("subject", "metric", "unit", "base", "base cv", "candidate", "cand. cv",
            "change", "p", "verdict");

    private ComparisonText() {
    }

    /** The comparison as plain text for a terminal. */
    public static String terminal(ComparisonReport r) {
        StringBuilder out = new StringBuilder();
        out.append("pushbench compare (").append(r.kind()).append(" results)\n");
        out.append("  base       ").append(run(r.base())).append('\n');
        out.append("  candidate  ").append(run(r.candidate())).append('\n');
        out.append("  rules      ").append(rules(r.thresholds())).append("\n\n");
        if (!r.environmentDifferences().isEmpty()) {
            out.append("!! WARNING: the environments differ; changes may come from the machine, not the code:\n");
            r.environmentDifferences().forEach(d -> out.append("!!   ").append(difference(d)).append('\n'));
            out.append('\n');
        }
        if (!r.warnings().isEmpty()) {
            r.warnings().forEach(w -> out.append("!! WARNING: ").append(w).append('\n'));
            out.append('\n');
        }
        if (r.outcome() == Outcome.REFUSED) {
            out.append("REFUSED: the configurations differ, so the runs measured different things:\n");
            r.configurationDifferences().forEach(d -> out.append("  ").append(difference(d)).append('\n'));
            out.append("Compare runs of the same configuration, or pass --force to compare anyway.\n");
            return out.toString();
        }
        if (r.forced()) {
            out.append("!! FORCED despite configuration differences:\n");
            r.configurationDifferences().forEach(d -> out.append("!!   ").append(difference(d)).append('\n'));
            out.append('\n');
        }
        out.append(table(r).toTerminal()).append('\n');
        missing(out, r, "  ");
        out.append(outcome(r, "  - "));
        return out.toString();
    }

    /** The comparison as GitHub-flavoured Markdown. */
    public static String markdown(ComparisonReport r) {
        StringBuilder out = new StringBuilder();
        out.append("### pushbench compare (").append(r.kind()).append(" results)\n\n");
        out.append("- **base**: ").append(run(r.base())).append('\n');
        out.append("- **candidate**: ").append(run(r.candidate())).append('\n');
        out.append("- **rules**: ").append(rules(r.thresholds())).append("\n\n");
        if (!r.environmentDifferences().isEmpty()) {
            out.append("> **Warning**: the environments differ; changes may come from the machine, not the code.\n>\n");
            r.environmentDifferences().forEach(d -> out.append("> - `").append(difference(d)).append("`\n"));
            out.append('\n');
        }
        r.warnings().forEach(w -> out.append("> **Warning**: ").append(w).append("\n\n"));
        if (r.outcome() == Outcome.REFUSED) {
            out.append("**Refused**: the configurations differ, so the runs measured different things:\n\n");
            r.configurationDifferences().forEach(d -> out.append("- `").append(difference(d)).append("`\n"));
            return out.toString();
        }
        if (r.forced()) {
            out.append("> **Forced** despite configuration differences:\n>\n");
            r.configurationDifferences().forEach(d -> out.append("> - `").append(difference(d)).append("`\n"));
            out.append('\n');
        }
        out.append(table(r).toMarkdown()).append('\n');
        missing(out, r, "- ");
        out.append(outcome(r, "- ").replace("PASS", "**PASS**").replace("REGRESSION", "**REGRESSION**"));
        return out.toString();
    }

    private static TextTable table(ComparisonReport r) {
        TextTable table = new TextTable(COLUMNS);
        for (MetricComparison m : r.metrics()) {
            table.add(List.of(m.subject(), m.metric(), m.unit(), Numbers.format(m.baseMedian()), cv(m.baseCvPercent()),
                    Numbers.format(m.candidateMedian()), cv(m.candidateCvPercent()), Numbers.percent(m.changePercent()),
                    m.pValue() == null ? "-" : String.format(Locale.ROOT, "%.4f", m.pValue()), verdict(m)));
        }
        return table;
    }

    private static String verdict(MetricComparison m) {
        if (m.verdict() == Verdict.NOT_TESTED) {
            // the reason without its parenthesis, e.g. "3 vs 3 repeats: not tested"; the JSON keeps it whole
            int detail = m.reason().indexOf(" (");
            return detail < 0 ? m.reason() : m.reason().substring(0, detail);
        }
        if (m.verdict() == Verdict.WORSE && m.gated()) {
            return "WORSE (gated)";
        }
        return m.verdict().label();
    }

    private static String outcome(ComparisonReport r, String bullet) {
        if (r.outcome() == Outcome.PASS) {
            return "PASS: nothing gated got significantly worse.\n";
        }
        StringBuilder out = new StringBuilder("REGRESSION: " + r.regressions().size()
                + " gated metric(s) got significantly worse:\n");
        r.regressions().forEach(line -> out.append(bullet).append(line).append('\n'));
        return out.toString();
    }

    private static void missing(StringBuilder out, ComparisonReport r, String bullet) {
        missing(out, "Only in base (not compared):", r.onlyInBase(), bullet);
        missing(out, "Only in candidate (not compared):", r.onlyInCandidate(), bullet);
    }

    /** One line per subject: {@code long-poll: 12 metrics}; the keys are "subject metric", the metric id has no space. */
    private static void missing(StringBuilder out, String heading, List<String> keys, String bullet) {
        if (keys.isEmpty()) {
            return;
        }
        Map<String, List<String>> bySubject = new LinkedHashMap<>();
        for (String key : keys) {
            int space = key.lastIndexOf(' ');
            bySubject.computeIfAbsent(key.substring(0, Math.max(0, space)), s -> new ArrayList<>()).add(key.substring(space + 1));
        }
        out.append(heading).append('\n');
        bySubject.forEach((subject, metrics) -> out.append(bullet).append(subject).append(": ")
                .append(metrics.size() == 1 ? metrics.get(0) : metrics.size() + " metrics").append('\n'));
        out.append('\n');
    }

    static String run(RunInfo info) {
        String commit = info.commit() == null ? "commit unknown"
                : "commit " + info.commit().substring(0, Math.min(12, info.commit().length()))
                + (Boolean.TRUE.equals(info.dirty()) ? " (dirty)" : "");
        return info.source() + "  (run " + info.runId() + ", " + commit
                + (info.startTime() == null ? "" : ", " + info.startTime()) + ", " + info.repeats()
                + (info.kind().equals("jmh") ? " iterations" : " repeat(s)") + ")";
    }

    static String rules(Thresholds t) {
        return String.format(Locale.ROOT, "two-sided Mann-Whitney U at alpha %s; minimum effect %s%% (timings), %s%% "
                        + "(exact counts); gated: %s", Numbers.plain(t.alpha()), Numbers.plain(t.minEffectPercent()),
                Numbers.plain(t.minCountEffectPercent()), t.gatedMetrics().isEmpty() ? "none" : String.join(", ", t.gatedMetrics()));
    }

    private static String difference(Difference d) {
        return d.key() + ": " + d.base() + " -> " + d.candidate();
    }

    private static String cv(Double cvPercent) {
        return cvPercent == null ? "-" : String.format(Locale.ROOT, "%.1f%%", cvPercent);
    }
}
