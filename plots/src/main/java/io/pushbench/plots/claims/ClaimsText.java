package io.pushbench.plots.claims;

import io.pushbench.plots.report.EnvironmentFacts;
import io.pushbench.plots.report.HtmlReport;
import io.pushbench.report.NetworkCondition;
import io.pushbench.report.claims.ClaimFigure;
import io.pushbench.report.claims.ClaimVerdict;
import io.pushbench.report.claims.ClaimsReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/** {@code claims.md} and {@code claims.html}: the verdict table, then per claim its experiment, rule, figures and chart. */
final class ClaimsText {

    private ClaimsText() {
    }

    static String markdown(ClaimsReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# The claims, answered (profile ").append(r.profile()).append(")\n\n");
        md.append("Run `").append(r.runId()).append("`, ").append(r.startTimeUtc()).append(", ")
                .append(String.format(Locale.ROOT, "%.0f s", r.wallSeconds())).append(". Command: `pushbench ")
                .append(String.join(" ", r.commandLine())).append("`. Server: ").append(r.server()).append(".\n\n");
        md.append("| # | claim | verdict | finding |\n|---|---|---|---|\n");
        for (ClaimVerdict c : r.claims()) {
            md.append("| ").append(c.number()).append(" | ").append(cell(c.title())).append(" | **").append(c.verdict())
                    .append("** | ").append(cell(c.finding())).append(" |\n");
        }
        md.append("\n## Environment\n\n");
        for (Map.Entry<String, String> e : EnvironmentFacts.of(r.environment()).entrySet()) {
            md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        network(r.network(), md);
        for (ClaimVerdict c : r.claims()) {
            md.append("\n## Claim ").append(c.number()).append(": ").append(c.title()).append("\n\n> ")
                    .append(c.statement()).append("\n\n**Experiment.** ").append(c.experiment())
                    .append("\n\n**Rule (stated before the run).** ").append(c.rule())
                    .append("\n\n**Verdict: ").append(c.verdict()).append(".** ").append(c.finding()).append("\n");
            if (c.chart() != null) {
                md.append("\n![claim ").append(c.number()).append("](claim-").append(c.number()).append(".png)\n");
            }
            if (!c.figures().isEmpty()) {
                md.append("\n| point | metric | measured | model | measured / model | model formula |\n|---|---|---|---|---|---|\n");
                for (ClaimFigure f : c.figures()) {
                    md.append("| ").append(cell(f.point())).append(" | ").append(f.metric()).append(" (").append(f.unit())
                            .append(") | ").append(num(f.measured())).append(" | ").append(num(f.model())).append(" | ")
                            .append(f.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", f.ratio())).append(" | ")
                            .append(f.modelFormula() == null ? "" : cell(f.modelFormula())).append(" |\n");
                }
            }
            for (String note : c.notes()) {
                md.append("\n- ").append(note);
            }
            if (!c.runs().isEmpty()) {
                md.append("\n\nRuns: ").append(String.join(", ", c.runs().stream().map(x -> "`" + x + "`").toList()));
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static void network(NetworkCondition n, StringBuilder md) {
        md.append("\n## Network\n\n");
        if (n == null) {
            md.append("Loopback only (the round-trip runs were left out).\n");
            return;
        }
        md.append("The 100 ms RTT runs used the **").append(n.emulator()).append("** emulator. It models ")
                .append(n.models()).append(". It does not model ").append(n.doesNotModel()).append(".\n");
    }

    static String html(ClaimsReport r, Path folder) {
        StringBuilder h = new StringBuilder(256 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>pushbench claims</title>\n")
                .append("<style>body{font-family:sans-serif;max-width:1200px;margin:2em auto;color:#222}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;"
                        + "text-align:left;vertical-align:top}img{max-width:100%}blockquote{color:#555}"
                        + ".holds{color:#007a4d}.does-not-hold{color:#b33}.holds-only-when{color:#a06000}</style>\n")
                .append("</head>\n<body>\n<h1>The claims, answered (profile ").append(esc(r.profile())).append(")</h1>\n<p>Run <code>")
                .append(esc(r.runId())).append("</code>, ").append(esc(r.startTimeUtc())).append(", ")
                .append(String.format(Locale.ROOT, "%.0f s", r.wallSeconds())).append(". Command: <code>pushbench ")
                .append(esc(String.join(" ", r.commandLine()))).append("</code>. Server: ").append(esc(r.server())).append(".</p>\n");
        h.append("<table>\n<tr><th>#</th><th>claim</th><th>verdict</th><th>finding</th></tr>\n");
        for (ClaimVerdict c : r.claims()) {
            h.append("<tr><td>").append(c.number()).append("</td><td><a href=\"#claim-").append(c.number()).append("\">")
                    .append(esc(c.title())).append("</a></td><td class=\"").append(c.verdict().replace(' ', '-')).append("\"><strong>")
                    .append(esc(c.verdict())).append("</strong></td><td>").append(esc(c.finding())).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Environment</h2>\n<ul>\n");
        EnvironmentFacts.of(r.environment()).forEach((k, v) -> h.append("<li>").append(esc(k)).append(": ").append(esc(v)).append("</li>\n"));
        h.append("</ul>\n<h2>Network</h2>\n<p>");
        if (r.network() == null) {
            h.append("Loopback only (the round-trip runs were left out).");
        } else {
            h.append("The 100 ms RTT runs used the <strong>").append(esc(r.network().emulator())).append("</strong> emulator. It models ")
                    .append(esc(r.network().models())).append(". It does not model ").append(esc(r.network().doesNotModel())).append('.');
        }
        h.append("</p>\n");
        for (ClaimVerdict c : r.claims()) {
            h.append("<h2 id=\"claim-").append(c.number()).append("\">Claim ").append(c.number()).append(": ").append(esc(c.title()))
                    .append("</h2>\n<blockquote>").append(esc(c.statement())).append("</blockquote>\n<p><strong>Experiment.</strong> ")
                    .append(esc(c.experiment())).append("</p>\n<p><strong>Rule (stated before the run).</strong> ").append(esc(c.rule()))
                    .append("</p>\n<p class=\"").append(c.verdict().replace(' ', '-')).append("\"><strong>Verdict: ").append(esc(c.verdict()))
                    .append(".</strong> ").append(esc(c.finding())).append("</p>\n");
            Path png = folder.resolve("claim-" + c.number() + ".png");
            if (c.chart() != null && Files.isRegularFile(png)) {
                try {
                    h.append("<img alt=\"claim ").append(c.number()).append(" chart\" src=\"data:image/png;base64,")
                            .append(Base64.getEncoder().encodeToString(Files.readAllBytes(png))).append("\">\n");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + png + ": " + e.getMessage(), e);
                }
            }
            if (!c.figures().isEmpty()) {
                h.append("<table>\n<tr><th>point</th><th>metric</th><th>measured</th><th>model</th><th>measured / model</th><th>model formula</th></tr>\n");
                for (ClaimFigure f : c.figures()) {
                    h.append("<tr><td>").append(esc(f.point())).append("</td><td>").append(esc(f.metric() + " (" + f.unit() + ")"))
                            .append("</td><td>").append(num(f.measured())).append("</td><td>").append(num(f.model())).append("</td><td>")
                            .append(f.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", f.ratio())).append("</td><td>")
                            .append(f.modelFormula() == null ? "" : esc(f.modelFormula())).append("</td></tr>\n");
                }
                h.append("</table>\n");
            }
            if (!c.notes().isEmpty()) {
                h.append("<ul>\n");
                c.notes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>\n"));
                h.append("</ul>\n");
            }
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlReport.escape(s);
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }

    private static String num(Double v) {
        if (v == null) {
            return "";
        }
        double a = Math.abs(v);
        return a >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : a >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.3f", v);
    }
}
