package io.pushbench.compare.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pushbench.compare.run.EnvironmentSettings;
import io.pushbench.compare.run.MeasuredRun;
import io.pushbench.compare.run.MetricSamples;
import io.pushbench.report.ReportFormatException;
import io.pushbench.report.compare.RunInfo;
import io.pushbench.report.jmh.JmhJson;
import io.pushbench.report.jmh.JmhResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a JMH result file into a {@link MeasuredRun}: metrics from {@link JmhMetricCatalogue}, run
 * settings that must match (mode, threads, iteration times, batch sizes, warm-up iterations, per
 * benchmark) as configuration, JMH's JVM facts and the environment of the {@code run-metadata.json}
 * beside the file (written by {@code pushbench jmh}: the same environment record as load reports) as
 * environment, and run id, commit and start time from that metadata.
 */
public final class JmhRunReader {

    /** The file name the {@code pushbench jmh} wrapper writes into a run folder. */
    public static final String FILE_NAME = "jmh.json";
    /** The provenance file written beside it. */
    public static final String METADATA_FILE_NAME = "run-metadata.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JmhRunReader() {
    }

    /** Reads {@code file} (JMH JSON) and the metadata beside it, if any. */
    public static MeasuredRun read(Path file) throws ReportFormatException {
        List<JmhResult> results = readResults(file);
        if (results.isEmpty()) {
            throw new ReportFormatException(file + ": JMH result holds no benchmarks");
        }
        JsonNode metadata = metadata(file.resolveSibling(METADATA_FILE_NAME));
        List<MetricSamples> metrics = JmhMetricCatalogue.metrics(results);
        Map<String, String> configuration = new TreeMap<>();
        Map<String, String> environment = new TreeMap<>();
        for (JmhResult r : results) {
            // settings whose difference makes two runs measure different things; forks and iteration
            // counts only change how many samples there are
            String prefix = "jmh." + JmhMetricCatalogue.shortName(r) + ".";
            configuration.merge(prefix + "mode", r.mode(), (a, b) -> a.equals(b) ? a : a + "," + b);
            configuration.put(prefix + "threads", String.valueOf(r.threads()));
            configuration.put(prefix + "warmupIterations", String.valueOf(r.warmupIterations()));
            configuration.put(prefix + "warmupTime", String.valueOf(r.warmupTime()));
            configuration.put(prefix + "measurementTime", String.valueOf(r.measurementTime()));
            environment.put("jmh.jmhVersion", String.valueOf(r.jmhVersion()));
            environment.put("jmh.jdkVersion", String.valueOf(r.jdkVersion()));
            environment.put("jmh.vmName", String.valueOf(r.vmName()));
            environment.put("jmh.jvmArgs", String.valueOf(r.jvmArgs()));
        }
        if (metadata != null) {
            environment.putAll(EnvironmentSettings.of(metadata.get("environment")));
        }
        int repeats = metrics.stream().filter(m -> m.metric().id().equals(JmhMetricCatalogue.SCORE))
                .mapToInt(m -> m.values().size()).min().orElse(0);
        String folder = file.toAbsolutePath().getParent() == null ? file.toString()
                : file.toAbsolutePath().getParent().getFileName().toString();
        JsonNode git = metadata == null ? null : metadata.path("environment").get("git");
        RunInfo info = new RunInfo(file.toString(), "jmh", text(metadata, "runId", folder), text(git, "commit", null),
                git == null || !git.has("dirty") ? null : git.get("dirty").asBoolean(), text(metadata, "startTimeUtc", null),
                repeats);
        List<String> warnings = new ArrayList<>();
        if (metadata == null) {
            warnings.add(file + ": no " + METADATA_FILE_NAME + " beside it: commit, time and host unknown");
        }
        return MeasuredRun.of(info, configuration, environment, metrics, warnings);
    }

    private static List<JmhResult> readResults(Path file) throws ReportFormatException {
        try {
            return JmhJson.read(file);
        } catch (NoSuchFileException e) {
            throw new ReportFormatException("no such file: " + file);
        } catch (IOException e) {
            throw new ReportFormatException(e.getMessage(), e);
        }
    }

    private static JsonNode metadata(Path file) throws ReportFormatException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            throw new ReportFormatException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ReportFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The text of {@code node.field}, or {@code otherwise} when absent or null. */
    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? otherwise : value.asText();
    }
}
