package io.pushbench.report.jmh;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON result file JMH writes with {@code -rf json}: an array with one object per benchmark
 * method and parameter set.
 *
 * <p>Typical use:
 * <pre>{@code
 * for (JmhResult r : JmhJson.read(Path.of("results/20261125T154500Z-3f2a/jmh.json"))) {
 *     System.out.println(r.benchmark() + " " + r.primaryMetric().score() + " " + r.primaryMetric().scoreUnit());
 * }
 * }</pre>
 */
public final class JmhJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private JmhJson() {
    }

    /**
     * Reads a JMH JSON result file.
     *
     * @throws NoSuchFileException when the file does not exist
     * @throws IOException         when it is not JMH's JSON: the message names the file and what is wrong
     */
    public static List<JmhResult> read(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IOException(file + " is not a JMH result file: JMH writes a JSON array of benchmark results");
        }
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode node : root) {
            if (!node.hasNonNull("benchmark") || !node.hasNonNull("primaryMetric") || !node.hasNonNull("mode")) {
                throw new IOException(file + " is not a JMH result file: entry " + results.size()
                        + " lacks 'benchmark', 'mode' or 'primaryMetric'");
            }
            try {
                results.add(MAPPER.treeToValue(node, JmhResult.class));
            } catch (JsonProcessingException e) {
                throw new IOException(file + ": entry " + results.size() + " is malformed: " + e.getOriginalMessage(), e);
            }
        }
        return results;
    }
}
