package io.pushbench.compare.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pushbench.compare.run.FlatSettings;
import io.pushbench.compare.run.MeasuredRun;
import io.pushbench.compare.run.MetricSamples;
import io.pushbench.report.ReportFormatException;
import io.pushbench.report.compare.RunInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns a JMH result file into a {@link MeasuredRun}: metrics from {@link JmhMetricCatalogue}, run
 * settings that must match (mode, threads, iteration times, batch sizes, warm-up iterations, per
 * benchmark) as configuration, JMH's JVM facts and the host facts of a {@code run-metadata.json}
 * beside the file (when there is one) as environment, and commit and time from that metadata.
 */
public final class JmhRunReader {

    /** The file name the {@code pushbench jmh} wrapper writes into a run folder. */
    public static final String FILE_NAME = "jmh.json";
    /** The provenance file written beside it. */
    public static final String METADATA_FILE_NAME = "run-metadata.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Settings whose difference makes two JMH runs measure different things; forks and iteration counts only change how many samples there are. */
    private static final List<String> MUST_MATCH = List.of("threads", "warmupIterations", "warmupTime", "warmupBatchSize",
            "measurementTime", "measurementBatchSize");
    /** Metadata keys that describe the machine and JVM (compared with a warning), by the last part of their path. */
    private static final Pattern ENVIRONMENT_KEY = Pattern.compile(
            "(?i).*(cpu|cores|processors|memory|kernel|os|arch|jvm|java|vm|vendor|version|transport).*");
    private static final Pattern PROVENANCE_KEY = Pattern.compile("(?i).*(git|commit|dirty|branch|runid|start|command).*");

    private JmhRunReader() {
    }

    /** Reads {@code file} (JMH JSON) and the metadata beside it, if any. */
    public static MeasuredRun read(Path file) throws ReportFormatException {
        List<JmhBenchmarkResult> results = JmhJsonReader.read(file);
        if (results.isEmpty()) {
            throw new ReportFormatException(file + ": JMH result holds no benchmarks");
        }
        JsonNode metadata = metadata(file.resolveSibling(METADATA_FILE_NAME));
        List<MetricSamples> metrics = JmhMetricCatalogue.metrics(results);
        Map<String, String> configuration = new TreeMap<>();
        Map<String, String> environment = new TreeMap<>();
        for (JmhBenchmarkResult r : results) {
            String prefix = "jmh." + r.shortName() + ".";
            configuration.merge(prefix + "mode", r.mode(), (a, b) -> a.equals(b) ? a : a + "," + b);
            for (String key : MUST_MATCH) {
                if (r.settings().containsKey(key)) {
                    configuration.put(prefix + key, r.settings().get(key));
                }
            }
            r.jvm().forEach((k, v) -> environment.put("jmh." + k, v));
        }
        Map<String, String> flatMetadata = metadata == null ? Map.of() : FlatSettings.flatten(metadata, "");
        flatMetadata.forEach((k, v) -> {
            String last = k.substring(k.lastIndexOf('.') + 1);
            if (ENVIRONMENT_KEY.matcher(last).matches() && !PROVENANCE_KEY.matcher(k).matches()) {
                environment.put("metadata." + k, v);
            }
        });
        int repeats = metrics.stream().filter(m -> m.metric().id().equals(JmhMetricCatalogue.SCORE))
                .mapToInt(m -> m.values().size()).min().orElse(0);
        String folder = file.toAbsolutePath().getParent() == null ? file.toString()
                : file.toAbsolutePath().getParent().getFileName().toString();
        RunInfo info = new RunInfo(file.toString(), "jmh", find(flatMetadata, "runid", folder),
                find(flatMetadata, "commit", null), dirty(flatMetadata), find(flatMetadata, "starttimeutc",
                find(flatMetadata, "starttime", null)), repeats);
        List<String> warnings = new ArrayList<>();
        if (metadata == null) {
            warnings.add(file + ": no " + METADATA_FILE_NAME + " beside it: commit, time and host unknown");
        }
        return MeasuredRun.of(info, configuration, environment, metrics, warnings);
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

    /** The value of the first key whose last part equals {@code name} (case-insensitive). */
    private static String find(Map<String, String> flat, String name, String otherwise) {
        for (Map.Entry<String, String> e : flat.entrySet()) {
            String last = e.getKey().substring(e.getKey().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (last.equals(name) && !"null".equals(e.getValue())) {
                return e.getValue();
            }
        }
        return otherwise;
    }

    private static Boolean dirty(Map<String, String> flat) {
        String value = find(flat, "dirty", null);
        return value == null ? null : Boolean.valueOf(value);
    }
}
