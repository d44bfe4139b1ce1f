package io.pushbench.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.pushbench.model.Strategy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes and reads {@link RunReport}s as JSON ({@code report.json}); the one place the format is produced.
 *
 * <p>The output is deterministic: keys in record declaration order, map entries sorted, two-space
 * indentation, LF line ends, independent of the default locale. Reading accepts every schema version up to
 * {@link #SCHEMA_VERSION} and ignores fields it does not know (later additive versions).
 *
 * <p>Typical use:
 * <pre>{@code
 * ReportJson.write(report, runFolder.resolve(ReportJson.FILE_NAME));
 * RunReport back = ReportJson.read(runFolder.resolve(ReportJson.FILE_NAME));
 * }</pre>
 */
public final class ReportJson {

    /** The schema version this code writes. */
    public static final int SCHEMA_VERSION = 7;

    /** The report's file name inside a run folder. */
    public static final String FILE_NAME = "report.json";

    private static final ObjectMapper MAPPER = JsonLayout.mapperBuilder().addModule(strategyLabels()).build();

    private static final ObjectWriter WRITER = JsonLayout.writer(MAPPER);

    private ReportJson() {
    }

    /** The report as JSON text, ending with a line feed. */
    public static String toJson(RunReport report) {
        try {
            return WRITER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report could not be serialised", e);
        }
    }

    /** Writes the report to {@code file} (UTF-8), creating parent folders. */
    public static void write(RunReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(report), StandardCharsets.UTF_8);
    }

    /**
     * Reads a report file.
     *
     * @throws ReportFormatException when the file is missing, is not JSON, is not a report, or has a newer schema version
     */
    public static RunReport read(Path file) throws ReportFormatException {
        String json = JsonLayout.readFile(file, "report");
        try {
            return fromJson(json);
        } catch (ReportFormatException e) {
            throw new ReportFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses report JSON text.
     *
     * @throws ReportFormatException when the text is not a report of a supported schema version
     */
    public static RunReport fromJson(String json) throws ReportFormatException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ReportFormatException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject() || !tree.has("schemaVersion") || !tree.get("schemaVersion").isInt()) {
            throw new ReportFormatException("not a pushbench report (no integer \"schemaVersion\")");
        }
        int version = tree.get("schemaVersion").intValue();
        if (version < 1 || version > SCHEMA_VERSION) {
            throw new ReportFormatException("report schema version " + version
                    + " is not supported (this pushbench reads versions 1.." + SCHEMA_VERSION + ")");
        }
        try {
            return MAPPER.treeToValue(tree, RunReport.class);
        } catch (JsonProcessingException e) {
            throw new ReportFormatException("malformed report: " + e.getOriginalMessage(), e);
        }
    }

    /** Strategies appear in JSON by their label ({@code "long-poll"}), as on the command line and in file names. */
    private static SimpleModule strategyLabels() {
        SimpleModule module = new SimpleModule("pushbench-strategy-labels");
        module.addSerializer(Strategy.class, new JsonSerializer<>() {
            @Override
            public void serialize(Strategy value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.label());
            }
        });
        module.addDeserializer(Strategy.class, new JsonDeserializer<>() {
            @Override
            public Strategy deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return Strategy.fromLabel(text);
                } catch (IllegalArgumentException e) {
                    return (Strategy) ctxt.handleWeirdStringValue(Strategy.class, text, e.getMessage());
                }
            }
        });
        return module;
    }
}
