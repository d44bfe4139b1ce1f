package io.pushbench.bench.plot;

import io.pushbench.bench.run.PostRunStep;
import io.pushbench.plots.ChartKind;
import io.pushbench.plots.PlotOutput;
import io.pushbench.plots.run.RunPlots;
import io.pushbench.report.RunReport;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * The last step of {@code pushbench run}: draws the run's charts and writes its HTML and Markdown report
 * into the run folder, and prints where they are. Runs after the report is written, never while
 * measuring.
 */
public final class RunChartsStep implements PostRunStep {

    @Override
    public void afterRun(RunReport report, Path runFolder, PrintWriter out) throws Exception {
        PlotOutput plotted = RunPlots.plot(report, runFolder, EnumSet.allOf(ChartKind.class), List.of());
        out.printf("charts (%d, PNG and SVG) written to %s%n", plotted.charts().size(), plotted.folder().toAbsolutePath().normalize());
        out.println("HTML report: " + plotted.html().toAbsolutePath().normalize());
        out.println("Markdown report: " + plotted.markdown().toAbsolutePath().normalize());
        out.flush();
    }
}
