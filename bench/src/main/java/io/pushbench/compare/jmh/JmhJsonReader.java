package io.pushbench.compare.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pushbench.compare.jmh.JmhBenchmarkResult.JmhMetric;
import io.pushbench.report.ReportFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JMH's JSON result format (JMH 1.x, {@code -rf json}; layout as written by JMH's
 * {@code JSONResultFormat}): a top-level array of benchmark entries whose {@code primaryMetric} and
 * {@code secondaryMetrics} carry per-fork, per-iteration {@code rawData} (sample-time mode:
 * {@code rawDataHistogram}, per iteration a list of {@code [value, count]}).
 *
 * <p>JMH writes NaN and infinities as the strings {@code "NaN"}, {@code "+INF"}, {@code "-INF"}; such
 * iteration values carry no information for a rank test and are left out.
 */
public final class JmhJsonReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> SETTINGS = List.of("threads", "forks", "warmupIterations", "warmupTime",
            "warmupBatchSize", "measurementIterations", "measurementTime", "measurementBatchSize");
    private static final List<String> JVM = List.of("jmhVersion", "jdkVersion", "vmName", "vmVersion", "jvm", "jvmArgs");

    private JmhJsonReader() {
    }

    /**
     * Reads a JMH JSON file.
     *
     * @throws ReportFormatException naming the file and the problem when it is missing, not JSON, or not JMH's layout
     */
    public static List<JmhBenchmarkResult> read(Path file) throws ReportFormatException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ReportFormatException("no such file: " + file);
        } catch (IOException e) {
            throw new ReportFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(text);
        } catch (ReportFormatException e) {
            throw new ReportFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses JMH JSON text. */
    public static List<JmhBenchmarkResult> parse(String json) throws ReportFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ReportFormatException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new ReportFormatException("not a JMH result (expected a JSON array of benchmarks)");
        }
        List<JmhBenchmarkResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            results.add(benchmark(root.get(i), "[" + i + "]"));
        }
        return results;
    }

    private static JmhBenchmarkResult benchmark(JsonNode node, String where) throws ReportFormatException {
        String benchmark = text(node, "benchmark", where);
        String at = where + " (" + benchmark + ")";
        String mode = text(node, "mode", at);
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode paramsNode = node.path("params");
        paramsNode.fieldNames().forEachRemaining(name -> params.put(name, paramsNode.get(name).asText()));
        Map<String, String> settings = scalars(node, SETTINGS);
        Map<String, String> jvm = scalars(node, JVM);
        JsonNode primaryNode = node.get("primaryMetric");
        if (primaryNode == null || !primaryNode.isObject()) {
            throw new ReportFormatException(at + ": no primaryMetric");
        }
        JmhMetric primary = metric(primaryNode, at + ".primaryMetric");
        Map<String, JmhMetric> secondaries = new LinkedHashMap<>();
        JsonNode secondaryNode = node.path("secondaryMetrics");
        var names = secondaryNode.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            secondaries.put(name, metric(secondaryNode.get(name), at + ".secondaryMetrics." + name));
        }
        return new JmhBenchmarkResult(benchmark, mode, params, settings, jvm, primary, secondaries);
    }

    private static JmhMetric metric(JsonNode node, String at) throws ReportFormatException {
        String unit = text(node, "scoreUnit", at);
        List<Double> values = new ArrayList<>();
        List<List<double[]>> histograms = new ArrayList<>();
        JsonNode raw = node.get("rawData");
        JsonNode rawHistogram = node.get("rawDataHistogram");
        if (raw != null) {
            for (JsonNode fork : array(raw, at + ".rawData")) {
                for (JsonNode iteration : array(fork, at + ".rawData[fork]")) {
                    double v = number(iteration, at + ".rawData");
                    if (Double.isFinite(v)) {
                        values.add(v);
                    }
                }
            }
        } else if (rawHistogram != null) {
            for (JsonNode fork : array(rawHistogram, at + ".rawDataHistogram")) {
                for (JsonNode iteration : array(fork, at + ".rawDataHistogram[fork]")) {
                    List<double[]> pairs = new ArrayList<>();
                    double sum = 0;
                    double count = 0;
                    for (JsonNode pair : array(iteration, at + ".rawDataHistogram[fork][iteration]")) {
                        if (!pair.isArray() || pair.size() != 2) {
                            throw new ReportFormatException(at + ".rawDataHistogram: expected [value, count] pairs");
                        }
                        double value = number(pair.get(0), at + ".rawDataHistogram");
                        double n = number(pair.get(1), at + ".rawDataHistogram");
                        pairs.add(new double[] {value, n});
                        sum += value * n;
                        count += n;
                    }
                    if (count > 0 && Double.isFinite(sum)) {
                        histograms.add(pairs);
                        values.add(sum / count);
                    }
                }
            }
        } else {
            throw new ReportFormatException(at + ": no rawData (was JMH run with -Djmh.json.rawData=false?)");
        }
        return new JmhMetric(unit, values, histograms);
    }

    private static Iterable<JsonNode> array(JsonNode node, String at) throws ReportFormatException {
        if (!node.isArray()) {
            throw new ReportFormatException(at + ": expected an array");
        }
        return node;
    }

    private static double number(JsonNode node, String at) throws ReportFormatException {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            switch (node.textValue()) {
                case "NaN": return Double.NaN;
                case "+INF": return Double.POSITIVE_INFINITY;
                case "-INF": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new ReportFormatException(at + ": expected a number, got " + node);
    }

    private static String text(JsonNode node, String field, String at) throws ReportFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new ReportFormatException(at + ": no \"" + field + "\" text");
        }
        return value.textValue();
    }

    private static Map<String, String> scalars(JsonNode node, List<String> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull()) {
                out.put(field, value.isValueNode() ? value.asText() : value.toString());
            }
        }
        return out;
    }
}
