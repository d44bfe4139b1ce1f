package io.pushbench.compare.cli;

import io.pushbench.compare.MetricGate;
import io.pushbench.compare.RunComparer;
import io.pushbench.compare.RunFiles;
import io.pushbench.compare.render.ComparisonText;
import io.pushbench.report.ReportFormatException;
import io.pushbench.report.compare.ComparisonJson;
import io.pushbench.report.compare.ComparisonReport;
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

/** {@code pushbench compare BASE CANDIDATE}: did the candidate get better, worse, or is it noise? */
@Command(name = "compare", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {
            "Compares two runs of the same kind (load reports or JMH results) per strategy/benchmark and metric, "
                    + "and says for each: better, worse, no significant change, or not tested.",
            "With repeats (run --repeat K; JMH iterations) a two-sided Mann-Whitney U test decides, plus a minimum effect "
                    + "size; with a single run only exact counts (bytes/msg, requests/msg) may be called changed. "
                    + "See docs/compare.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing gated got significantly worse",
            "1:a gated metric got significantly worse (listed at the end)",
            "2:usage error, unreadable or malformed input, or configurations differ (refused; see --force)"})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE",
            description = "The base run: a report.json or jmh.json, a run folder, or a run id under results/.")
    Path base;

    @Parameters(index = "1", paramLabel = "CANDIDATE", description = "The candidate run, given the same way.")
    Path candidate;

    @Mixin
    ThresholdOptions thresholdOptions;

    @Option(names = "--gate", paramLabel = "PATTERNS", split = ",",
            description = "Metric ids whose getting worse fails the comparison (exit 1); * matches any text; "
                    + "'none' gates nothing.")
    List<String> gate = new ArrayList<>(MetricGate.DEFAULT_PATTERNS);

    @Option(names = "--force", description = "Compare even when the configurations differ (the differences are still listed).")
    boolean force;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "terminal", converter = OutputFormat.Converter.class,
            description = "What to print: ${COMPLETION-CANDIDATES}.")
    OutputFormat format;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the comparison as JSON to FILE.")
    Path jsonFile;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the comparison as Markdown to FILE.")
    Path markdownFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        java.nio.file.Path baseClaims = io.pushbench.compare.ClaimsComparison.claimsFile(base);
        java.nio.file.Path candidateClaims = io.pushbench.compare.ClaimsComparison.claimsFile(candidate);
        if (baseClaims != null || candidateClaims != null) {
            // two claims runs: their verdicts side by side
            try {
                if (baseClaims == null || candidateClaims == null) {
                    throw new IllegalArgumentException("a claims run compares only with a claims run");
                }
                boolean[] changed = {false};
                out.print(io.pushbench.compare.ClaimsComparison.text(baseClaims, candidateClaims, changed));
                out.flush();
                return changed[0] ? 1 : 0;
            } catch (ReportFormatException | IllegalArgumentException e) {
                err.println("pushbench compare: " + e.getMessage());
                return 2;
            }
        }
        RunComparer comparer = new RunComparer(thresholdOptions.thresholds(gate));
        ComparisonReport report;
        try {
            report = comparer.compare(RunFiles.load(base), RunFiles.load(candidate), force);
        } catch (ReportFormatException | IllegalArgumentException | IllegalStateException e) {
            err.println("pushbench compare: " + e.getMessage());
            return 2;
        }
        switch (format) {
            case JSON -> out.print(ComparisonJson.toJson(report) + "\n");
            case MARKDOWN -> out.print(ComparisonText.markdown(report));
            default -> out.print(ComparisonText.terminal(report));
        }
        out.flush();
        try {
            if (jsonFile != null) {
                ComparisonJson.write(report, jsonFile);
            }
            if (markdownFile != null) {
                Files.writeString(markdownFile, ComparisonText.markdown(report));
            }
        } catch (IOException e) {
            err.println("pushbench compare: cannot write " + e.getMessage());
            return 2;
        }
        return report.outcome().exitCode();
    }
}
