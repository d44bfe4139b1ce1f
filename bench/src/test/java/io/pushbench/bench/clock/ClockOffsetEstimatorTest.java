package io.pushbench.bench.clock;

import io.pushbench.model.WallClock;
import io.pushbench.report.ClockInfo;
import io.pushbench.server.PushServer;
import io.pushbench.server.PushServerConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The offset estimate against real servers on loopback: the embedded server and scripted foreign ones. */
class ClockOffsetEstimatorTest {

    /** Back-to-back exchanges end long before this; it only bounds each one's timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long FIVE_SEC_MICROS = 5_000_000;

    @Test
    void embeddedServerClockIsOursWithinTheUncertainty() {
        try (PushServer server = new PushServer(PushServerConfig.builder().build())) {
            int port = server.start().getPort();
            ClockEndpoint endpoint = new ClockEndpoint("127.0.0.1", port, "127.0.0.1:" + port, TargetClock.SAME_PROCESS);
            ClockOffsetEstimator estimator = new ClockOffsetEstimator();

            ClockExchanges.run(endpoint, estimator, 20, 0, System.nanoTime() + TIMEOUT.toNanos());

            ClockInfo clock = estimator.estimate("none");
            assertThat(clock.offsetMethod()).as(String.valueOf(clock.unavailableReason())).isEqualTo("http-exchange");
            assertThat(clock.exchanges()).isEqualTo(20);
            assertThat(clock.exchangesFailed()).isZero();
            assertThat(server.metrics().control().requests()).isEqualTo(20);
            assertThat(clock.targetClock()).isEqualTo("same-process");
            assertThat(clock.clockUrl()).isEqualTo("http://127.0.0.1:" + port + "/clock");
            assertThat(clock.serverResolutionMicros()).isEqualTo(1);
            assertThat(Math.abs(clock.offsetMicros())).isLessThanOrEqualTo(clock.uncertaintyMicros());
            assertThat(clock.uncertaintyMicros()).isEqualTo((clock.roundTrip().minMicros() + 1) / 2);
            assertThat(clock.roundTrip().minMicros()).isLessThanOrEqualTo(clock.roundTrip().medianMicros())
                    .isLessThanOrEqualTo(clock.roundTrip().maxMicros());
        }
    }

    @Test
    void serverClockFiveSecondsAheadIsFoundFiveSecondsAheadWithinTheUncertainty() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(() -> ok(Long.toString(WallClock.nowEpochMicros() + FIVE_SEC_MICROS)))) {
            ClockOffsetEstimator estimator = new ClockOffsetEstimator();

            ClockExchanges.run(server.endpoint(), estimator, 20, 0, System.nanoTime() + TIMEOUT.toNanos());

            ClockInfo clock = estimator.estimate("none");
            assertThat(clock.offsetMethod()).isEqualTo("http-exchange");
            assertThat(clock.exchanges()).isEqualTo(20);
            assertThat(Math.abs(clock.offsetMicros() - FIVE_SEC_MICROS)).isLessThanOrEqualTo(clock.uncertaintyMicros());
            assertThat(clock.uncertaintyMicros()).as("the estimate tells 5 s from 0").isLessThan(FIVE_SEC_MICROS / 2.0);
        }
    }

    @Test
    void serverWithoutClockEndpointIsReadThroughItsDateHeaderWithOneSecondResolution() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(() -> notFound(
                "Date: " + httpDate(Instant.now().plusSeconds(10)) + "\r\n"))) {
            ClockOffsetEstimator estimator = new ClockOffsetEstimator();

            ClockExchanges.run(server.endpoint(), estimator, 5, 0, System.nanoTime() + TIMEOUT.toNanos());

            ClockInfo clock = estimator.estimate("none");
            assertThat(clock.offsetMethod()).isEqualTo("date-header");
            assertThat(clock.unavailableReason()).isEqualTo("GET " + server.endpoint().url() + " answered 404");
            assertThat(clock.serverResolutionMicros()).isEqualTo(1_000_000);
            assertThat(clock.exchanges()).isEqualTo(5);
            assertThat(clock.uncertaintyMicros()).isGreaterThanOrEqualTo(500_000);
            assertThat(Math.abs(clock.offsetMicros() - 2 * FIVE_SEC_MICROS)).isLessThanOrEqualTo(clock.uncertaintyMicros());
        }
    }

    @Test
    void clockAnswersArePreferredOverDateHeaders() throws Exception {
        ClockOffsetEstimator estimator = new ClockOffsetEstimator();
        try (ScriptedHttpServer dateOnly = new ScriptedHttpServer(() -> notFound("Date: " + httpDate(Instant.now()) + "\r\n"));
             ScriptedHttpServer clock = new ScriptedHttpServer(() -> ok(Long.toString(WallClock.nowEpochMicros())))) {
            ClockExchanges.run(dateOnly.endpoint(), estimator, 3, 0, System.nanoTime() + TIMEOUT.toNanos());
            ClockExchanges.run(clock.endpoint(), estimator, 3, 0, System.nanoTime() + TIMEOUT.toNanos());

            ClockInfo info = estimator.estimate("none");
            assertThat(info.offsetMethod()).isEqualTo("http-exchange");
            assertThat(info.unavailableReason()).isNull();
            assertThat(info.exchanges()).isEqualTo(6);
            assertThat(info.clockUrl()).isEqualTo(clock.endpoint().url());
        }
    }

    @Test
    void chunkedAnswersAreReadWithoutWaitingForTheServerToClose() throws Exception {
        try (ScriptedHttpServer clock = new ScriptedHttpServer(() -> {
                String micros = Long.toString(WallClock.nowEpochMicros());
                return "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(micros.length()) + "\r\n" + micros + "\r\n";
            });
             ScriptedHttpServer page = new ScriptedHttpServer(() -> "HTTP/1.1 404 Not Found\r\nDate: "
                     + httpDate(Instant.now()) + "\r\nTransfer-Encoding: chunked\r\n\r\n9\r\nnot found\r\n")) {
            ClockOffsetEstimator fromClock = new ClockOffsetEstimator();
            ClockOffsetEstimator fromDate = new ClockOffsetEstimator();

            ClockExchanges.run(clock.endpoint(), fromClock, 2, 0, System.nanoTime() + TIMEOUT.toNanos());
            ClockExchanges.run(page.endpoint(), fromDate, 2, 0, System.nanoTime() + TIMEOUT.toNanos());

            assertThat(fromClock.estimate("none").offsetMethod()).isEqualTo("http-exchange");
            assertThat(fromClock.estimate("none").exchanges()).isEqualTo(2);
            assertThat(fromDate.estimate("none").offsetMethod()).isEqualTo("date-header");
            assertThat(fromDate.estimate("none").exchanges()).isEqualTo(2);
        }
    }

    @Test
    void serverWithNeitherClockNorDateHeaderLeavesTheOffsetUnavailableSayingWhy() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(() -> notFound(""))) {
            ClockOffsetEstimator estimator = new ClockOffsetEstimator();

            ClockExchanges.run(server.endpoint(), estimator, 3, 0, System.nanoTime() + TIMEOUT.toNanos());

            ClockInfo clock = estimator.estimate("none");
            assertThat(clock.offsetMethod()).isEqualTo("unavailable");
            assertThat(clock.hasOffset()).isFalse();
            assertThat(clock.offsetMicros()).isNull();
            assertThat(clock.exchanges()).isZero();
            assertThat(clock.exchangesFailed()).isEqualTo(3);
            assertThat(clock.unavailableReason()).isEqualTo("GET " + server.endpoint().url() + " answered 404 and no Date header");
        }
    }

    @Test
    void answerThatIsNotAClockFallsBackToTheDateHeader() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(() -> "HTTP/1.1 200 OK\r\nDate: " + httpDate(Instant.now())
                + "\r\nContent-Length: 5\r\n\r\nhello")) {
            ClockOffsetEstimator estimator = new ClockOffsetEstimator();

            ClockExchanges.run(server.endpoint(), estimator, 1, 0, System.nanoTime() + TIMEOUT.toNanos());

            ClockInfo clock = estimator.estimate("none");
            assertThat(clock.offsetMethod()).isEqualTo("date-header");
            assertThat(clock.unavailableReason()).endsWith("answered 200 without a clock in epoch microseconds");
        }
    }

    @Test
    void unreachableServerLeavesTheOffsetUnavailableNamingTheUrl() throws Exception {
        int closedPort;
        try (ScriptedHttpServer gone = new ScriptedHttpServer(() -> "")) {
            closedPort = gone.port();
        }
        ClockEndpoint endpoint = new ClockEndpoint("127.0.0.1", closedPort, "127.0.0.1:" + closedPort, TargetClock.OTHER_HOST);
        ClockOffsetEstimator estimator = new ClockOffsetEstimator();

        ClockExchanges.run(endpoint, estimator, 2, 0, System.nanoTime() + TIMEOUT.toNanos());

        ClockInfo clock = estimator.estimate("none");
        assertThat(clock.offsetMethod()).isEqualTo("unavailable");
        assertThat(clock.targetClock()).isEqualTo("other-host");
        assertThat(clock.exchangesFailed()).isEqualTo(2);
        assertThat(clock.unavailableReason()).startsWith("cannot ask http://127.0.0.1:" + closedPort + "/clock: ");
    }

    @Test
    void noExchangeAtAllGivesTheCallersReason() {
        ClockInfo clock = new ClockOffsetEstimator().estimate("no clock exchange was made");

        assertThat(clock.offsetMethod()).isEqualTo("unavailable");
        assertThat(clock.unavailableReason()).isEqualTo("no clock exchange was made");
        assertThat(clock.method()).isEqualTo(ClockInfo.SHARED_MONOTONIC);
    }

    @Test
    void exchangesOnTheirOwnThreadStopByTheEndOfTheirSpan() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(() -> ok(Long.toString(WallClock.nowEpochMicros())))) {
            ClockOffsetEstimator estimator = new ClockOffsetEstimator();
            long untilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);

            try (ClockExchanges exchanges = ClockExchanges.start(server.endpoint(), estimator, 1_000, untilNanos)) {
                assertThat(exchanges).isNotNull();
            }

            int made = server.requests();
            Thread.sleep(100);
            assertThat(server.requests()).as("joined: no exchange after close").isEqualTo(made);
            assertThat(estimator.exchanges()).as("the last ones fall at the span's end and are not made")
                    .isPositive().isLessThanOrEqualTo(made).isLessThan(1_000);
        }
    }

    @Test
    void targetClockIsSameProcessEmbeddedSameHostForkedOrLocalAndOtherHostElsewhere() {
        assertThat(TargetClock.of("embedded", "127.0.0.1")).isEqualTo(TargetClock.SAME_PROCESS);
        assertThat(TargetClock.of("fork", "127.0.0.1")).isEqualTo(TargetClock.SAME_HOST);
        assertThat(TargetClock.of("external", "127.0.0.1")).isEqualTo(TargetClock.SAME_HOST);
        assertThat(TargetClock.of("external", "::1")).isEqualTo(TargetClock.SAME_HOST);
        assertThat(TargetClock.of("external", "192.0.2.1")).as("TEST-NET-1, never local").isEqualTo(TargetClock.OTHER_HOST);
    }

    private static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + (body.length() + 1) + "\r\n\r\n" + body + "\n";
    }

    private static String notFound(String extraHeaders) {
        return "HTTP/1.1 404 Not Found\r\n" + extraHeaders + "Content-Length: 9\r\n\r\nnot found";
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
