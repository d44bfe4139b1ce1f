package io.pushbench.plots.render;

import io.pushbench.plots.style.ChartLook;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.svg.SVGGraphics2D;

import javax.imageio.ImageIO;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a chart into a folder as {@code <stem>.png} and {@code <stem>.svg}, {@code 1200×700} each.
 *
 * <p>Typical use:
 * <pre>{@code
 * JFreeChart chart = Charts.chart("Delivery latency by percentile", workload, plot);
 * RenderedChart files = ChartWriter.write(chart, runFolder, "latency-distribution", "How to read it.");
 * }</pre>
 */
public final class ChartWriter {

    private static final String SVG_PROLOGUE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private ChartWriter() {
    }

    /**
     * Renders the chart as PNG and SVG into {@code folder}, creating the folder when needed; files of
     * the same name are replaced.
     *
     * @param chart    a chart made with {@link Charts#chart}
     * @param folder   the output folder, usually the run folder
     * @param fileStem file name without extension
     * @param caption  how to read the chart, for reports
     * @throws UncheckedIOException when a file cannot be written, naming it
     */
    public static RenderedChart write(JFreeChart chart, Path folder, String fileStem, String caption) {
        Charts.ensureHeadless();
        Path png = folder.resolve(fileStem + ".png");
        Path svg = folder.resolve(fileStem + ".svg");
        try {
            Files.createDirectories(folder);
            BufferedImage image = chart.createBufferedImage(ChartLook.WIDTH_PIXELS, ChartLook.HEIGHT_PIXELS,
                    BufferedImage.TYPE_INT_RGB, null);
            if (!ImageIO.write(image, "png", png.toFile())) {
                throw new IOException("no PNG writer in this JVM");
            }
            SVGGraphics2D g2 = new SVGGraphics2D(ChartLook.WIDTH_PIXELS, ChartLook.HEIGHT_PIXELS);
            chart.draw(g2, new Rectangle(0, 0, ChartLook.WIDTH_PIXELS, ChartLook.HEIGHT_PIXELS));
            Files.writeString(svg, SVG_PROLOGUE + g2.getSVGElement() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart '" + fileStem + "' into " + folder + ": " + e.getMessage(), e);
        }
        String title = chart.getTitle() == null ? fileStem : chart.getTitle().getText();
        String subtitle = chart.getSubtitles().stream().filter(t -> t instanceof TextTitle)
                .map(t -> ((TextTitle) t).getText()).findFirst().orElse("");
        return new RenderedChart(fileStem, title, subtitle, caption, png, svg);
    }
}
