package io.pushbench.plots;

import io.pushbench.plots.render.RenderedChart;

import java.nio.file.Path;
import java.util.List;

/**
 * What one plot of a run wrote.
 *
 * @param folder   the folder the files went into (the run folder)
 * @param charts   every chart, in reading order
 * @param html     the self-contained HTML report
 * @param markdown the Markdown report
 */
public record PlotOutput(Path folder, List<RenderedChart> charts, Path html, Path markdown) {

    public PlotOutput {
        charts = List.copyOf(charts);
    }
}
