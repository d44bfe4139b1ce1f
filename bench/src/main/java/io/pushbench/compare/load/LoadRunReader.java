package io.pushbench.compare.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pushbench.compare.run.EnvironmentSettings;
import io.pushbench.compare.run.FlatSettings;
import io.pushbench.compare.run.MeasuredRun;
import io.pushbench.compare.run.MetricSamples;
import io.pushbench.report.ReportFormatException;
import io.pushbench.report.ReportJson;
import io.pushbench.report.RunReport;
import io.pushbench.report.StrategyResult;
import io.pushbench.report.compare.RunInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a load report ({@code report.json}) into a {@link MeasuredRun}: metrics from
 * {@link LoadMetricCatalogue}; the run configuration as the settings that must match (all of it except
 * {@code repeats}, which only changes how many samples there are, and {@code strategies}, since
 * strategies present in one run only are listed, not compared); host, JVM, transport and clock method
 * as the environment.
 */
public final class LoadRunReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LoadRunReader() {
    }

    /** Reads a report file. */
    public static MeasuredRun read(Path file) throws ReportFormatException {
        RunReport report = ReportJson.read(file);
        try {
            return of(report, file.toString());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ReportFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reduces a report read from {@code source}. */
    public static MeasuredRun of(RunReport report, String source) {
        if (report.configuration() == null || report.environment() == null || report.results() == null) {
            throw new IllegalArgumentException("report lacks its configuration, environment or results");
        }
        Map<String, String> configuration = new TreeMap<>(FlatSettings.flatten(MAPPER.valueToTree(report.configuration()), "config"));
        configuration.remove("config.repeats");
        configuration.remove("config.strategies");
        Map<String, String> environment = EnvironmentSettings.of(MAPPER.valueToTree(report.environment()));
        List<MetricSamples> metrics = LoadMetricCatalogue.metrics(report.results());
        List<String> warnings = new ArrayList<>();
        for (StrategyResult r : report.results()) {
            if (r.validity() != null && !r.validity().valid()) {
                warnings.add(source + ": " + LoadMetricCatalogue.subjectOf(r).display() + " repeat " + r.repeatIndex()
                        + " is " + r.validity().verdict().label() + ": " + String.join("; ", r.validity().reasons()));
            }
        }
        var git = report.environment().git();
        // without a commit (not run from a git tree) the dirty flag means nothing
        boolean known = git != null && git.commit() != null;
        RunInfo info = new RunInfo(source, "load", report.runId(), known ? git.commit() : null,
                known ? git.dirty() : null, report.startTimeUtc(), report.configuration().repeats());
        return MeasuredRun.of(info, configuration, environment, metrics, warnings);
    }
}
