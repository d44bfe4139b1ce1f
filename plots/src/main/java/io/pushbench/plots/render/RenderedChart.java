package io.pushbench.plots.render;

import java.nio.file.Path;

/**
 * One chart written to disk, as PNG and SVG.
 *
 * @param fileStem the file name without extension, e.g. {@code latency-distribution}
 * @param title    the chart's title, as drawn on it
 * @param subtitle the line under the title (the workload), or {@code ""}
 * @param caption  one or two sentences for a report: how to read the chart
 * @param png      the PNG file, {@code 1200×700}
 * @param svg      the same drawing as SVG, text kept as text
 */
public record RenderedChart(String fileStem, String title, String subtitle, String caption, Path png, Path svg) {

    /** Title and subtitle in one line, for alt texts and lists: {@code "Bytes per delivered message · 1000 clients ..."}. */
    public String fullTitle() {
        return subtitle.isEmpty() ? title : title + " · " + subtitle;
    }
}
