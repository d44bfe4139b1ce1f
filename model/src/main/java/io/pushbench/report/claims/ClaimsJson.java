package io.pushbench.report.claims;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.pushbench.report.JsonLayout;
import io.pushbench.report.ReportFormatException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes and reads {@code claims.json}: versioned like {@code report.json} (additive changes, newer refused). */
public final class ClaimsJson {

    /** The current schema version. */
    public static final int SCHEMA_VERSION = 1;
    /** The file name inside a claims folder. */
    public static final String FILE_NAME = "claims.json";
    /** A claims file has a run id and a {@code claims} array (a run report has {@code results}). */
    private static final String RUN_ID_FIELD = "runId";

    private static final ObjectMapper MAPPER = JsonLayout.mapperBuilder().build();
    private static final ObjectWriter WRITER = JsonLayout.writer(MAPPER);

    private ClaimsJson() {
    }

    public static String toJson(ClaimsReport report) {
        try {
            return WRITER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claims report could not be serialised", e);
        }
    }

    public static void write(ClaimsReport report, Path file) throws IOException {
        Files.writeString(file, toJson(report), StandardCharsets.UTF_8);
    }

    /** Whether the file looks like a claims file (has a {@code claims} array) rather than a run report. */
    public static boolean isClaimsFile(Path file) {
        try {
            JsonNode tree = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return tree != null && tree.has("claims") && tree.get("claims").isArray() && tree.has(RUN_ID_FIELD);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** @throws ReportFormatException missing, not JSON, not a claims file, or a newer schema version */
    public static ClaimsReport read(Path file) throws ReportFormatException {
        String json = JsonLayout.readFile(file, "claims");
        try {
            return fromJson(json);
        } catch (ReportFormatException e) {
            throw new ReportFormatException(file + ": " + e.getMessage(), e);
        }
    }

    public static ClaimsReport fromJson(String json) throws ReportFormatException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ReportFormatException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject() || !tree.has("schemaVersion") || !tree.has("claims")) {
            throw new ReportFormatException("not a pushbench claims file (no \"schemaVersion\" and \"claims\")");
        }
        int version = tree.get("schemaVersion").asInt();
        if (version < 1 || version > SCHEMA_VERSION) {
            throw new ReportFormatException("claims schema version " + version
                    + " is not supported (this pushbench reads version 1.." + SCHEMA_VERSION + ")");
        }
        try {
            return MAPPER.treeToValue(tree, ClaimsReport.class);
        } catch (JsonProcessingException e) {
            throw new ReportFormatException("malformed claims file: " + e.getOriginalMessage(), e);
        }
    }
}
