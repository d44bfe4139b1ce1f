package io.pushbench.plots.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.pushbench.plots.PlotInputException;
import io.pushbench.plots.PlotOutput;
import io.pushbench.plots.render.RenderedChart;
import io.pushbench.plots.report.EnvironmentFacts;
import io.pushbench.plots.report.HtmlReport;
import io.pushbench.plots.report.MarkdownReport;
import io.pushbench.plots.report.ReportPage;
import io.pushbench.report.Environment;
import io.pushbench.report.jmh.JmhJson;
import io.pushbench.report.jmh.JmhMetric;
import io.pushbench.report.jmh.JmhResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Draws the charts of a JMH run ({@code jmh.json}, with {@code run-metadata.json} beside it when the
 * {@code pushbench jmh} wrapper wrote it) and its HTML and Markdown report, into the run folder.
 */
public final class JmhPlots {

    /** JMH's result file name in a run folder. */
    public static final String FILE_NAME = "jmh.json";
    /** The provenance file the {@code pushbench jmh} wrapper writes beside it. */
    public static final String METADATA_FILE_NAME = "run-metadata.json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JmhPlots() {
    }

    /**
     * Reads a JMH result file and draws it.
     *
     * @param jmhJson the JMH JSON file ({@code -rf json})
     * @throws PlotInputException when the file is missing or not JMH's JSON
     */
    public static PlotOutput plot(Path jmhJson) throws PlotInputException {
        List<JmhResult> results;
        try {
            results = JmhJson.read(jmhJson);
        } catch (NoSuchFileException e) {
            throw new PlotInputException("no such JMH result file: " + jmhJson);
        } catch (IOException e) {
            throw new PlotInputException(e.getMessage(), e);
        }
        if (results.isEmpty()) {
            throw new PlotInputException(jmhJson + " holds no benchmark result");
        }
        Path folder = jmhJson.toAbsolutePath().getParent();
        List<RenderedChart> charts = JmhScoreChart.write(results, folder);
        List<String> raw = new ArrayList<>(List.of(jmhJson.getFileName().toString()));
        Path metadata = folder.resolve(METADATA_FILE_NAME);
        Map<String, String> environment = new LinkedHashMap<>();
        String title = "pushbench JMH run " + folder.getFileName();
        if (Files.exists(metadata)) {
            raw.add(METADATA_FILE_NAME);
            JsonNode node = readMetadata(metadata);
            if (node.hasNonNull("runId")) {
                title = "pushbench JMH run " + node.get("runId").asText();
            }
            if (node.hasNonNull("environment")) {
                environment.putAll(EnvironmentFacts.of(environment(node.get("environment"), metadata)));
            }
        } else {
            JmhResult first = results.get(0);
            environment.put("JVM", first.vmName() + " " + first.jdkVersion());
            environment.put("provenance", "no " + METADATA_FILE_NAME + " beside " + jmhJson.getFileName()
                    + ": commit and host unknown");
        }
        JmhResult first = results.get(0);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("JMH", first.jmhVersion());
        settings.put("forks × iterations", first.forks() + " × " + first.measurementIterations() + " of " + first.measurementTime());
        settings.put("warm-up", first.warmupIterations() + " × " + first.warmupTime());
        settings.put("threads", String.valueOf(first.threads()));
        settings.put("JVM arguments", String.join(" ", first.jvmArgs()));
        ReportPage page = new ReportPage(title, results.size() + " benchmark results, "
                + results.stream().map(JmhResult::benchmarkClass).distinct().count() + " benchmark classes",
                (io.pushbench.report.RunVerdict) null, List.of(), table(results), charts, settings, environment, raw);
        return new PlotOutput(folder, charts, HtmlReport.write(page, folder), MarkdownReport.write(page, folder));
    }

    /** One row per benchmark and parameter set: score ± error, and the per-op counters. */
    static ReportPage.Table table(List<JmhResult> results) {
        List<List<String>> rows = new ArrayList<>();
        for (JmhResult r : results) {
            JmhMetric m = r.primaryMetric();
            String error = Double.isNaN(m.scoreError()) ? "" : String.format(Locale.ROOT, " ± %,.3f", m.scoreError());
            String perOp = JmhScoreChart.perOp(r).entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %,.2f %s", e.getKey(), e.getValue().score(), e.getValue().scoreUnit()))
                    .collect(Collectors.joining("; "));
            rows.add(List.of(r.benchmarkClass().substring(r.benchmarkClass().lastIndexOf('.') + 1) + "." + r.method(),
                    r.paramsText(), r.mode(), String.format(Locale.ROOT, "%,.3f%s %s", m.score(), error, m.scoreUnit()),
                    perOp));
        }
        return new ReportPage.Table(List.of("Benchmark", "Parameters", "Mode", "Score ± 99.9% error", "Counted per op"), rows);
    }

    private static JsonNode readMetadata(Path file) throws PlotInputException {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new PlotInputException(file + " is not readable JSON: " + e.getMessage(), e);
        }
    }

    private static Environment environment(JsonNode node, Path file) throws PlotInputException {
        try {
            return MAPPER.treeToValue(node, Environment.class);
        } catch (IOException e) {
            throw new PlotInputException(file + ": 'environment' is malformed: " + e.getMessage(), e);
        }
    }
}
