package io.pushbench.report;

import io.pushbench.model.Strategy;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportJsonTest {

    private static final String GOLDEN = "golden-report-v1.json";

    @Test
    void reportRoundTripsThroughFileUnchanged(@TempDir Path dir) throws IOException {
        RunReport report = SampleReports.sample();
        Path file = dir.resolve("run").resolve(ReportJson.FILE_NAME);
        ReportJson.write(report, file);

        RunReport back = ReportJson.read(file);

        assertThat(back).isEqualTo(report);
        assertThat(back.resultsFor(Strategy.WEBSOCKET)).hasSize(1);
        assertThat(back.results().get(0).strategy()).isEqualTo(Strategy.SHORT_POLLING);
    }

    @Test
    void embeddedHistogramsDecodeToTheSameCounts() throws IOException {
        Histogram original = SampleReports.histogram(7, 150);
        RunReport back = ReportJson.fromJson(ReportJson.toJson(SampleReports.sample()));

        Histogram decoded = back.results().get(0).latency().fromScheduled().decode();

        assertThat(decoded).isEqualTo(original);
        assertThat(decoded.getTotalCount()).isEqualTo(150);
        for (long v = 0; v <= original.getMaxValue(); v = original.nextNonEquivalentValue(v)) {
            assertThat(decoded.getCountAtValue(v)).as("count at %d us", v).isEqualTo(original.getCountAtValue(v));
        }
        assertThat(back.results().get(0).latency().fromScheduled().p99Micros())
                .isEqualTo(original.getValueAtPercentile(99));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "fr-FR", "ar-EG", "hi-IN-u-nu-deva", "tr-TR"})
    void writerMatchesGoldenFileInEveryLocale(String languageTag) throws IOException {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(languageTag));
            assertThat(ReportJson.toJson(SampleReports.sample())).isEqualTo(golden());
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void goldenFileReadsBackToTheSampleReport() throws IOException {
        assertThat(ReportJson.fromJson(golden())).isEqualTo(SampleReports.sample());
    }

    @Test
    void unknownFieldsOfLaterAdditiveVersionsAreIgnored() throws IOException {
        String withExtra = golden().replaceFirst("\"runId\"", "\"addedLater\": {\"x\": 1},\n  \"runId\"");

        assertThat(ReportJson.fromJson(withExtra)).isEqualTo(SampleReports.sample());
    }

    @Test
    void newerSchemaVersionIsRefusedNamingTheVersion() {
        String newer = golden().replaceFirst("\"schemaVersion\": 1", "\"schemaVersion\": 99");

        assertThatThrownBy(() -> ReportJson.fromJson(newer))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("schema version 99 is not supported");
    }

    @Test
    void jsonOfAnotherKindIsRefusedClearly(@TempDir Path dir) throws IOException {
        Path jmh = dir.resolve("jmh.json");
        Files.writeString(jmh, "[{\"benchmark\": \"x\"}]");

        assertThatThrownBy(() -> ReportJson.read(jmh))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("not a pushbench report");
        assertThatThrownBy(() -> ReportJson.read(dir.resolve("missing.json")))
                .hasMessageContaining("no such report file");
        assertThatThrownBy(() -> ReportJson.fromJson("{\"schemaVersion\": 1, \"results\": 5}"))
                .hasMessageContaining("malformed report");
    }

    @Test
    void unknownStrategyLabelIsRefused() {
        String bad = golden().replaceFirst("\"strategy\": \"poll\"", "\"strategy\": \"carrier-pigeon\"");

        assertThatThrownBy(() -> ReportJson.fromJson(bad))
                .isInstanceOf(ReportFormatException.class)
                .hasMessageContaining("carrier-pigeon");
    }

    private static String golden() {
        try (InputStream in = ReportJsonTest.class.getResourceAsStream(GOLDEN)) {
            if (in == null) {
                throw new IllegalStateException(GOLDEN + " missing from test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
