package io.pushbench.plots.render;

import java.nio.file.Path;

/**
 * One chart written to disk, as PNG and SVG.
 *
 * @param fileStem the file name without extension, e.g. {@code latency-distribution}
 * @param title    the chart's title, as drawn on it
 * @param caption  one or two sentences for a report: how to read the chart
 * @param png      the PNG file, {@code 1200×700}
 * @param svg      the same drawing as SVG, text kept as text
 */
public record RenderedChart(String fileStem, String title, String caption, Path png, Path svg) {
}
