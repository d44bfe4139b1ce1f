package io.pushbench.compare.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells, printed either with aligned columns for a terminal or as a GitHub-flavoured
 * Markdown table. Numeric-looking columns are right-aligned in the terminal form.
 */
public final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with these column headings. */
    public TextTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** Adds a row; it must have one cell per column. */
    public TextTable add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row has " + row.size() + " cells, table has " + header.size() + " columns");
        }
        rows.add(List.copyOf(row));
        return this;
    }

    /** Whether the table has no rows. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Aligned columns separated by two spaces, a dashed rule under the header, LF line ends. */
    public String toTerminal() {
        int[] widths = new int[header.size()];
        boolean[] right = new boolean[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            right[c] = !rows.isEmpty();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
                right[c] &= looksNumeric(row.get(c));
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths, right);
        List<String> rule = new ArrayList<>();
        for (int w : widths) {
            rule.add("-".repeat(w));
        }
        line(out, rule, widths, right);
        rows.forEach(row -> line(out, row, widths, right));
        return out.toString();
    }

    /** A GitHub-flavoured Markdown table; pipes in cells are escaped. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append(markdownRow(header));
        out.append("|").append("---|".repeat(header.size())).append("\n");
        rows.forEach(row -> out.append(markdownRow(row)));
        return out.toString();
    }

    private static String markdownRow(List<String> cells) {
        StringBuilder out = new StringBuilder("|");
        cells.forEach(c -> out.append(' ').append(c.replace("|", "\\|")).append(" |"));
        return out.append("\n").toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths, boolean[] right) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(c == 0 ? "" : "  ").append(right[c] ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append("\n");
    }

    private static boolean looksNumeric(String cell) {
        return cell.isEmpty() || cell.equals("-") || cell.equals("n/a") || cell.matches("[-+]?[0-9][0-9.,eE+-]*%?");
    }
}
