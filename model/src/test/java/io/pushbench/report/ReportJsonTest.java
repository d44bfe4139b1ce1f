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
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportJsonTest {

    private static final String GOLDEN = "golden-report-v7.json";
    private static final String GOLDEN_V6 = "golden-report-v6.json";
    private static final String GOLDEN_V5 = "golden-report-v5.json";
    private static final String GOLDEN_V4 = "golden-report-v4.json";
    private static final String GOLDEN_V3 = "golden-report-v3.json";
    private static final String GOLDEN_V2 = "golden-report-v2.json";
    private static final String GOLDEN_V1 = "golden-report-v1.json";

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
    void version3ReportStillReadsWithoutSharding() throws IOException {
        RunReport v3 = ReportJson.fromJson(resource(GOLDEN_V3));
        assertThat(v3.schemaVersion()).isEqualTo(3);
        assertThat(v3.sharding()).isNull();
        assertThat(v3.results()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "broker", "cpu.serverMessagesPerWrite")
                .isEqualTo(SampleReports.sample().results());
    }

    @Test
    void version4ReportStillReadsAsMinimalHeadersOnLoopback() throws IOException {
        RunReport v4 = ReportJson.fromJson(resource(GOLDEN_V4));

        assertThat(v4.schemaVersion()).isEqualTo(4);
        assertThat(v4.configuration().clientHeaders()).isNull();
        assertThat(v4.configuration().network()).isNull();
        assertThat(v4.results()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "broker", "cpu.serverMessagesPerWrite")
                .isEqualTo(SampleReports.sample().results());
    }

    @Test
    void version1ReportStillReadsWithoutAnOffsetEstimate() throws IOException {
        RunReport v1 = ReportJson.fromJson(resource(GOLDEN_V1));
        RunReport sample = SampleReports.sample();

        assertThat(v1.schemaVersion()).isEqualTo(1);
        assertThat(v1.environment().clock()).isEqualTo(ClockInfo.sharedMonotonic());
        assertThat(v1.environment().clock().hasOffset()).isFalse();
        assertThat(v1.results()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "publish", "broker", "cpu.serverMessagesPerWrite")
                .isEqualTo(sample.results());
        assertThat(v1.results()).allSatisfy(r -> assertThat(r.publish()).isNull());
        assertThat(v1.configuration()).usingRecursiveComparison().ignoringFields("clientHeaders", "network")
                .isEqualTo(sample.configuration());
        assertThat(v1.configuration().clientHeaders()).isNull();
        assertThat(v1.configuration().network()).isNull();
    }

    @Test
    void version2ReportStillReadsWithoutPublishFigures() throws IOException {
        RunReport v2 = ReportJson.fromJson(resource(GOLDEN_V2));

        assertThat(v2.schemaVersion()).isEqualTo(2);
        assertThat(v2.results()).allSatisfy(r -> assertThat(r.publish()).isNull());
        assertThat(v2.results()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "publish", "broker", "cpu.serverMessagesPerWrite")
                .isEqualTo(SampleReports.sample().results());
        assertThat(v2.environment()).isEqualTo(SampleReports.sample().environment());
    }

    @Test
    void version5ReportStillReadsWithoutBrokerFigures() throws IOException {
        RunReport v5 = ReportJson.fromJson(resource(GOLDEN_V5));

        assertThat(v5.schemaVersion()).isEqualTo(5);
        assertThat(v5.results()).allSatisfy(r -> assertThat(r.broker()).isNull());
        assertThat(v5.results()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "broker", "cpu.serverMessagesPerWrite")
                .isEqualTo(SampleReports.sample().results());
        assertThat(v5.configuration()).isEqualTo(SampleReports.sample().configuration());
    }

    @Test
    void version6ReportStillReadsWithoutMessagesPerWrite() throws IOException {
        RunReport v6 = ReportJson.fromJson(resource(GOLDEN_V6));

        assertThat(v6.schemaVersion()).isEqualTo(6);
        assertThat(v6.results()).allSatisfy(r -> assertThat(r.cpu().serverMessagesPerWrite()).isNull());
        assertThat(v6.results()).usingRecursiveFieldByFieldElementComparatorIgnoringFields(
                "cpu.serverMessagesPerWrite")
                .isEqualTo(SampleReports.sample().results());
        assertThat(v6.configuration()).isEqualTo(SampleReports.sample().configuration());
    }

    @Test
    void reportsBeforeTheVerdictReadItFromValid() throws IOException {
        RunReport v1 = ReportJson.fromJson(resource(GOLDEN_V1));
        RunReport v2 = ReportJson.fromJson(resource(GOLDEN_V2));

        assertThat(v1.validity().verdict()).isEqualTo(RunVerdict.INVALID);
        assertThat(v2.results()).allSatisfy(r -> assertThat(r.validity().verdict()).isEqualTo(RunVerdict.INVALID));
        assertThat(ReportJson.fromJson(resource(GOLDEN_V2).replace("\"valid\": false", "\"valid\": true")
                .replaceAll("\"reasons\": \\[[^\\]]*\\]", "\"reasons\": []")).validity().verdict())
                .isEqualTo(RunVerdict.VALID);
    }

    @Test
    void saturatedVerdictRoundTripsAndIsNotValid() throws IOException {
        Validity saturated = Validity.of(List.of(), List.of("received 49.4 % of the deliveries scheduled in the window"));
        String json = ReportJson.toJson(SampleReports.sample()).replace("\"verdict\": \"invalid\"", "\"verdict\": \"saturated\"");

        RunReport back = ReportJson.fromJson(json);

        assertThat(saturated.verdict()).isEqualTo(RunVerdict.SATURATED);
        assertThat(saturated.valid()).isFalse();
        assertThat(back.validity().verdict()).isEqualTo(RunVerdict.SATURATED);
        assertThat(back.validity().valid()).isFalse();
        assertThat(Validity.of(List.of("3 deliveries missing"), List.of("latency trending up")).verdict())
                .isEqualTo(RunVerdict.INVALID);
    }

    @Test
    void publishFiguresKeepTheStatusSplit() throws IOException {
        RunReport back = ReportJson.fromJson(ReportJson.toJson(SampleReports.sample()));

        assertThat(back.results().get(0).publish().statusCounts()).containsExactly(
                org.assertj.core.api.Assertions.entry(201, 5L), org.assertj.core.api.Assertions.entry(202, 2L));
        assertThat(ReportJson.toJson(back)).contains("\"statusCounts\": {\n");
    }

    @Test
    void clockOffsetEstimateRoundTripsWithEveryField() throws IOException {
        RunReport back = ReportJson.fromJson(ReportJson.toJson(SampleReports.sample()));

        ClockInfo clock = back.environment().clock();
        assertThat(clock).isEqualTo(SampleReports.clock());
        assertThat(clock.hasOffset()).isTrue();
        assertThat(clock.offsetMethod()).isEqualTo("http-exchange");
        assertThat(clock.roundTrip().minMicros()).isEqualTo(83);
        assertThat(ReportJson.toJson(back)).contains("\"schemaVersion\": " + ReportJson.SCHEMA_VERSION)
                .contains("\"uncertaintyMicros\": 41.5");
    }

    @Test
    void unknownFieldsOfLaterAdditiveVersionsAreIgnored() throws IOException {
        String withExtra = golden().replaceFirst("\"runId\"", "\"addedLater\": {\"x\": 1},\n  \"runId\"");

        assertThat(ReportJson.fromJson(withExtra)).isEqualTo(SampleReports.sample());
    }

    @Test
    void newerSchemaVersionIsRefusedNamingTheVersion() {
        String newer = golden().replaceFirst("\"schemaVersion\": " + ReportJson.SCHEMA_VERSION, "\"schemaVersion\": 99");

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
        return resource(GOLDEN);
    }

    private static String resource(String name) {
        try (InputStream in = ReportJsonTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
