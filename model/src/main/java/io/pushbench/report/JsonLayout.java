package io.pushbench.report;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON layout of every file pushbench writes (reports, comparisons, histories), so they diff
 * cleanly and read alike: {@code "key": value}, two-space indentation, LF line ends, map entries
 * sorted, independent of the default locale. Reading ignores fields it does not know (later additive
 * versions) and refuses nulls for primitives.
 */
public final class JsonLayout {

    private JsonLayout() {
    }

    /** A mapper builder with pushbench's reading and writing features; add modules, then build. */
    public static JsonMapper.Builder mapperBuilder() {
        return JsonMapper.builder()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** The indented writer of {@code mapper}. */
    public static ObjectWriter writer(ObjectMapper mapper) {
        return mapper.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    }

    /**
     * A result file's text, the file named in any failure.
     *
     * @param kind what the file should be, for the message, e.g. {@code report}
     * @throws ReportFormatException when it is missing or unreadable
     */
    public static String readFile(java.nio.file.Path file, String kind) throws ReportFormatException {
        try {
            return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ReportFormatException("no such " + kind + " file: " + file);
        } catch (java.io.IOException e) {
            throw new ReportFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
