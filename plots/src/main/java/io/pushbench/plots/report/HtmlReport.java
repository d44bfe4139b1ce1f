package io.pushbench.plots.report;

import io.pushbench.plots.render.RenderedChart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's report as one self-contained HTML file: every chart embedded as an SVG {@code data:}
 * URI, so the file can be mailed or attached on its own; links to the raw files beside it.
 *
 * <p>Typical use:
 * <pre>{@code
 * Path html = HtmlReport.write(page, runFolder);   // runFolder/report.html
 * }</pre>
 */
public final class HtmlReport {

    /** The file name of the report in the run folder. */
    public static final String FILE_NAME = "report.html";

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;max-width:1240px;\
            margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
            h1{font-size:1.7em;margin-bottom:.2em}.workload{color:#555;margin-top:0}
            .verdict{padding:.6em 1em;border-radius:4px;font-weight:600}
            .valid{background:#e6f4ee;border-left:6px solid #009E73}.invalid{background:#fbeee6;border-left:6px solid #D55E00}
            table{border-collapse:collapse;margin:1em 0;font-size:.95em}
            th,td{border:1px solid #ccc;padding:.3em .6em;text-align:right}th{background:#f3f3f3}
            td:first-child,th:first-child{text-align:left}
            figure{margin:2em 0}figure img{width:100%;height:auto;border:1px solid #eee}
            figcaption{color:#444;font-size:.95em}dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1.2em}
            dt{font-weight:600}dd{margin:0;font-family:ui-monospace,monospace;word-break:break-all}
            """;

    private HtmlReport() {
    }

    /**
     * Writes {@code report.html} into {@code folder}, reading each chart's SVG to embed it.
     *
     * @return the written file
     * @throws UncheckedIOException when a chart cannot be read or the report cannot be written
     */
    public static Path write(ReportPage page, Path folder) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(page.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(page.title())).append("</h1>\n<p class=\"workload\">")
                .append(escape(page.workload())).append("</p>\n");
        verdict(page, html);
        html.append("<h2>Headline</h2>\n");
        table(page.headline(), html);
        html.append("<h2>Charts</h2>\n");
        for (RenderedChart chart : page.charts()) {
            figure(chart, html);
        }
        html.append("<h2>Configuration</h2>\n");
        definitions(page.configuration(), html);
        html.append("<h2>Environment</h2>\n");
        definitions(page.environment(), html);
        html.append("<h2>Raw data</h2>\n<ul>\n");
        for (String file : page.rawFiles()) {
            html.append("<li><a href=\"").append(escape(file)).append("\">").append(escape(file)).append("</a></li>\n");
        }
        for (RenderedChart chart : page.charts()) {
            html.append("<li>").append(escape(chart.title())).append(": <a href=\"").append(escape(fileName(chart.png())))
                    .append("\">PNG</a>, <a href=\"").append(escape(fileName(chart.svg()))).append("\">SVG</a></li>\n");
        }
        html.append("</ul>\n</body>\n</html>\n");
        Path file = folder.resolve(FILE_NAME);
        try {
            Files.createDirectories(folder);
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static void verdict(ReportPage page, StringBuilder html) {
        if (page.verdict() == null) {
            return;
        }
        if (page.verdict() == io.pushbench.report.RunVerdict.VALID) {
            html.append("<p class=\"verdict valid\">Valid run: nothing lost, duplicated or reordered; the publisher "
                    + "kept its schedule; the load generator was not the bottleneck.</p>\n");
        } else {
            html.append(page.verdict() == io.pushbench.report.RunVerdict.SATURATED
                    ? "<div class=\"verdict invalid\">Saturated run: nothing was lost, but the system did not keep up "
                    + "with the schedule; its figures describe a backlog, not a rate it sustains.<ul>\n"
                    : "<div class=\"verdict invalid\">Invalid run: its figures are not to be trusted.<ul>\n");
            for (String reason : page.invalidReasons()) {
                html.append("<li>").append(escape(reason)).append("</li>\n");
            }
            html.append("</ul></div>\n");
        }
    }

    private static void table(ReportPage.Table table, StringBuilder html) {
        html.append("<table>\n<thead><tr>");
        for (String column : table.columns()) {
            html.append("<th>").append(escape(column)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (String cell : row) {
                html.append("<td>").append(escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void figure(RenderedChart chart, StringBuilder html) {
        byte[] svg;
        try {
            svg = Files.readAllBytes(chart.svg());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chart " + chart.svg() + ": " + e.getMessage(), e);
        }
        html.append("<figure id=\"").append(escape(chart.fileStem())).append("\">\n<img alt=\"")
                .append(escape(chart.fullTitle())).append("\" src=\"data:image/svg+xml;base64,")
                .append(Base64.getEncoder().encodeToString(svg)).append("\">\n<figcaption><strong>")
                .append(escape(chart.fullTitle())).append(".</strong> ").append(escape(chart.caption())).append("</figcaption>\n</figure>\n");
    }

    private static void definitions(Map<String, String> values, StringBuilder html) {
        html.append("<dl>\n");
        values.forEach((k, v) -> html.append("<dt>").append(escape(k)).append("</dt><dd>").append(escape(v)).append("</dd>\n"));
        html.append("</dl>\n");
    }

    private static String fileName(Path path) {
        return path.getFileName().toString();
    }

    /** Escapes the five characters that have a meaning in HTML text and attributes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
