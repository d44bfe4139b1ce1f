package io.pushbench.report.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.pushbench.report.JsonLayout;
import io.pushbench.report.ReportFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes the JSON of {@link ComparisonReport}, {@link HistoryReport} and tracker entries.
 *
 * <p>The layout is {@code report.json}'s ({@link JsonLayout}). Reading checks {@code schemaVersion} first and
 * names the file, the version found and the one expected when they differ; any other malformation
 * comes back as a {@link ReportFormatException} whose message names the file and the problem.
 *
 * <p>Typical use: {@code ComparisonReport r = ComparisonJson.readComparison(Path.of("compare.json"));}
 */
public final class ComparisonJson {

    private static final ObjectMapper MAPPER = JsonLayout.mapperBuilder().build();

    private static final ObjectWriter WRITER = JsonLayout.writer(MAPPER);

    private ComparisonJson() {
    }

    /** The comparison as indented JSON text. */
    public static String toJson(ComparisonReport report) {
        return write(report);
    }

    /** The history as indented JSON text. */
    public static String toJson(HistoryReport report) {
        return write(report);
    }

    /** The tracker entries as an indented JSON array, e.g. {@code [{"name":…,"unit":…,"value":…}]}. */
    public static String toJson(List<TrackerEntry> entries) {
        return write(entries);
    }

    /** Writes any of the above to a file, creating its parent folders. */
    public static void write(Object value, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, write(value) + "\n", StandardCharsets.UTF_8);
    }

    /** Reads a comparison written by {@link #toJson(ComparisonReport)}. */
    public static ComparisonReport readComparison(Path file) throws ReportFormatException {
        return read(file, ComparisonReport.class);
    }

    /** Reads a history written by {@link #toJson(HistoryReport)}. */
    public static HistoryReport readHistory(Path file) throws ReportFormatException {
        return read(file, HistoryReport.class);
    }

    private static <T> T read(Path file, Class<T> type) throws ReportFormatException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ReportFormatException("no such file: " + file);
        } catch (JsonProcessingException e) {
            throw new ReportFormatException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ReportFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ReportFormatException(file + ": expected a JSON object of a pushbench " + type.getSimpleName());
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new ReportFormatException(file + ": no schemaVersion; not a pushbench " + type.getSimpleName());
        }
        if (version.intValue() != ComparisonReport.SCHEMA_VERSION) {
            throw new ReportFormatException(file + ": schemaVersion " + version.intValue() + " is not supported (this build reads "
                    + ComparisonReport.SCHEMA_VERSION + ")");
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new ReportFormatException(file + ": malformed " + type.getSimpleName() + ": " + message, e);
        }
    }

    private static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
