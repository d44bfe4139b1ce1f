package io.pushbench.plots.report;

import io.pushbench.plots.render.RenderedChart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run's report as Markdown, with image links to the PNGs beside it: ready to paste into a
 * write-up or a pull request (copy the PNGs along).
 */
public final class MarkdownReport {

    /** The file name of the report in the run folder. */
    public static final String FILE_NAME = "report.md";

    private MarkdownReport() {
    }

    /**
     * Writes {@code report.md} into {@code folder}.
     *
     * @return the written file
     * @throws UncheckedIOException when it cannot be written
     */
    public static Path write(ReportPage page, Path folder) {
        StringBuilder md = new StringBuilder(8 * 1024);
        md.append("# ").append(inline(page.title())).append("\n\n").append(inline(page.workload())).append("\n\n");
        if (page.verdict() == null) {
            // no validity verdict for this kind of run (JMH)
        } else if (page.verdict() == io.pushbench.report.RunVerdict.VALID) {
            md.append("**Valid run**: nothing lost, duplicated or reordered; the publisher kept its schedule; "
                    + "the load generator was not the bottleneck.\n\n");
        } else {
            md.append(page.verdict() == io.pushbench.report.RunVerdict.SATURATED
                    ? "**Saturated run**: nothing was lost, but the system did not keep up with the schedule; its "
                    + "figures describe a backlog, not a rate it sustains.\n\n"
                    : "**Invalid run**: its figures are not to be trusted.\n\n");
            page.invalidReasons().forEach(r -> md.append("- ").append(inline(r)).append('\n'));
            md.append('\n');
        }
        md.append("## Headline\n\n");
        table(page.headline(), md);
        md.append("\n## Charts\n\n");
        for (RenderedChart chart : page.charts()) {
            md.append("![").append(inline(chart.fullTitle())).append("](").append(chart.png().getFileName()).append(")\n\n")
                    .append(chart.subtitle().isEmpty() ? "" : "**" + inline(chart.subtitle()) + "**. ")
                    .append(inline(chart.caption())).append(" ([SVG](").append(chart.svg().getFileName()).append("))\n\n");
        }
        md.append("## Configuration\n\n");
        page.configuration().forEach((k, v) -> md.append("- **").append(inline(k)).append("**: `").append(v).append("`\n"));
        md.append("\n## Environment\n\n");
        page.environment().forEach((k, v) -> md.append("- **").append(inline(k)).append("**: `").append(v).append("`\n"));
        md.append("\n## Raw data\n\n");
        page.rawFiles().forEach(f -> md.append("- [").append(f).append("](").append(f).append(")\n"));
        Path file = folder.resolve(FILE_NAME);
        try {
            Files.createDirectories(folder);
            Files.writeString(file, md, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static void table(ReportPage.Table table, StringBuilder md) {
        md.append("| ").append(String.join(" | ", table.columns().stream().map(MarkdownReport::cell).toList())).append(" |\n|");
        for (int i = 0; i < table.columns().size(); i++) {
            md.append(i == 0 ? "---|" : "---:|");
        }
        md.append('\n');
        for (List<String> row : table.rows()) {
            md.append("| ").append(String.join(" | ", row.stream().map(MarkdownReport::cell).toList())).append(" |\n");
        }
    }

    /** A table cell: a pipe would end the cell. */
    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    /** One line of text: line breaks would end a list item or a heading. */
    private static String inline(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
