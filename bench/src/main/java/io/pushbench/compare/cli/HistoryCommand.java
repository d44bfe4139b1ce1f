package io.pushbench.compare.cli;

import io.pushbench.compare.MetricGate;
import io.pushbench.compare.history.HistoryBuilder;
import io.pushbench.compare.history.HistoryText;
import io.pushbench.compare.history.RunCollection;
import io.pushbench.compare.history.TrackerExport;
import io.pushbench.report.compare.BetterWhen;
import io.pushbench.report.compare.ComparisonJson;
import io.pushbench.report.compare.HistoryReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pushbench history [FOLDER]}: every metric across the runs of a folder, with significant steps marked. */
@Command(name = "history", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {
            "Reads every run (report.json, jmh.json) under FOLDER, orders them by commit and time, and prints per "
                    + "metric the series with the points where a significant step happened (the same test as compare, "
                    + "each run against the one before).",
            "Exports the series as JSON (for the plots history chart) and the newest values in github-action-benchmark's "
                    + "customSmallerIsBetter / customBiggerIsBetter format."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:history printed", "2:usage error, no such folder, or no readable run in it"})
public final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER", defaultValue = "results",
            description = "Folder holding run folders.")
    Path folder;

    @Mixin
    ThresholdOptions thresholdOptions;

    @Option(names = "--metrics", paramLabel = "PATTERNS", split = ",",
            description = "Metric ids to follow; * matches any text, '*' alone follows all (default: the headline metrics).")
    List<String> metrics = new ArrayList<>(MetricGate.DEFAULT_PATTERNS);

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "terminal", converter = OutputFormat.Converter.class,
            description = "What to print: terminal, markdown or json.")
    OutputFormat format;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the history as JSON to FILE (read by the plots history chart).")
    Path jsonFile;

    @Option(names = "--tracker", paramLabel = "DIR", description = "Write the newest value of every series to DIR/"
            + TrackerExport.SMALLER_FILE + " and DIR/" + TrackerExport.BIGGER_FILE + " (github-action-benchmark custom tools).")
    Path trackerDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(folder)) {
            err.println("pushbench history: no such folder: " + folder);
            return 2;
        }
        HistoryReport history;
        try {
            RunCollection runs = RunCollection.under(folder);
            if (runs.runs().isEmpty()) {
                err.println("pushbench history: no readable report.json or jmh.json under " + folder
                        + (runs.skipped().isEmpty() ? "" : "; skipped: " + String.join("; ", runs.skipped())));
                return 2;
            }
            history = new HistoryBuilder(thresholdOptions.thresholds(List.of()), metrics).build(folder.toString(), runs);
        } catch (IOException e) {
            err.println("pushbench history: cannot read " + folder + ": " + e.getMessage());
            return 2;
        }
        switch (format) {
            case JSON -> out.print(ComparisonJson.toJson(history) + "\n");
            case MARKDOWN -> out.print(HistoryText.markdown(history));
            default -> out.print(HistoryText.terminal(history));
        }
        out.flush();
        try {
            if (jsonFile != null) {
                ComparisonJson.write(history, jsonFile);
            }
            if (trackerDir != null) {
                ComparisonJson.write(TrackerExport.newest(history, BetterWhen.SMALLER), trackerDir.resolve(TrackerExport.SMALLER_FILE));
                ComparisonJson.write(TrackerExport.newest(history, BetterWhen.BIGGER), trackerDir.resolve(TrackerExport.BIGGER_FILE));
            }
        } catch (IOException e) {
            err.println("pushbench history: cannot write " + e.getMessage());
            return 2;
        }
        return 0;
    }
}
