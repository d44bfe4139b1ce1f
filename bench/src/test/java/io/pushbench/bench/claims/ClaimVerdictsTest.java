package io.pushbench.bench.claims;

import io.pushbench.report.claims.ClaimVerdict;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.pushbench.report.claims.ClaimVerdict.DOES_NOT_HOLD;
import static io.pushbench.report.claims.ClaimVerdict.HOLDS;
import static io.pushbench.report.claims.ClaimVerdict.HOLDS_ONLY_WHEN;
import static io.pushbench.report.claims.ClaimVerdict.NOT_MEASURED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verdict rules against fixture figures: each claim's verdict follows the figures it is given, and other figures
 * give another verdict. Nothing here runs a load; the rules read only the observations.
 */
class ClaimVerdictsTest {

    private final ClaimPlans plans = new ClaimPlans(ClaimsProfile.QUICK);
    private final Observations o = new Observations();

    private void put(RunPlan plan, String subject, String sweep, Object... namesAndValues) {
        Observations.Observation old = o.get(plan.id(), subject, sweep);
        Map<String, Double> figures = old == null ? new HashMap<>() : new HashMap<>(old.figures());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            figures.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
        }
        o.add(new Observations.Observation(plan.id(), subject, sweep, figures, true, "runs/" + plan.id()));
    }

    /** Rare data: polls mostly empty and heavy, SSE light; long polling one request per message. */
    private void rareData(RunPlan plan, double pollEmpty, double pollBytes) {
        put(plan, "poll", null, Figures.EMPTY_RESPONSE_SHARE, pollEmpty, Figures.REQUESTS_PER_DELIVERY, 4.0,
                Figures.WIRE_BYTES_PER_DELIVERY, pollBytes, Figures.SERVER_CPU_MICROS_PER_DELIVERY, 120,
                Figures.MEDIAN_LATENCY_MICROS, 250_000, Figures.UP_BYTES_PER_DELIVERY, 450);
        put(plan, "long-poll", null, Figures.EMPTY_RESPONSE_SHARE, 0.0, Figures.REQUESTS_PER_DELIVERY, 1.0,
                Figures.WIRE_BYTES_PER_DELIVERY, 300, Figures.SERVER_CPU_MICROS_PER_DELIVERY, 60,
                Figures.MEDIAN_LATENCY_MICROS, 400, Figures.UP_BYTES_PER_DELIVERY, 112);
        put(plan, "sse", null, Figures.REQUESTS_PER_DELIVERY, 0.0, Figures.WIRE_BYTES_PER_DELIVERY, 190,
                Figures.SERVER_CPU_MICROS_PER_DELIVERY, 20, Figures.MEDIAN_LATENCY_MICROS, 300, Figures.UP_BYTES_PER_DELIVERY, 0);
        put(plan, "ws", null, Figures.REQUESTS_PER_DELIVERY, 0.0, Figures.WIRE_BYTES_PER_DELIVERY, 170,
                Figures.SERVER_CPU_MICROS_PER_DELIVERY, 15, Figures.MEDIAN_LATENCY_MICROS, 280, Figures.UP_BYTES_PER_DELIVERY, 0);
    }

    private ClaimVerdict judge(ClaimExperiment claim) {
        return claim.judge(o);
    }

    @Test
    void claim1FollowsTheEmptyShareAndTheBytesOfBothProfiles() {
        ShortPollingWasteClaim claim = new ShortPollingWasteClaim(plans);
        rareData(plans.baseMinimal, 0.75, 500);
        rareData(plans.baseBrowser, 0.75, 1500);
        assertThat(judge(claim).verdict()).isEqualTo(HOLDS);
        assertThat(judge(claim).finding()).contains("minimal headers: 75% of polls empty, 2.63x SSE's bytes per message");

        rareData(plans.baseMinimal, 0.75, 300);   // minimal polls now under twice SSE's bytes
        assertThat(judge(claim).verdict()).isEqualTo(HOLDS_ONLY_WHEN);

        rareData(plans.baseBrowser, 0.2, 1500);   // and browser polls mostly full
        assertThat(judge(claim).verdict()).isEqualTo(DOES_NOT_HOLD);
    }

    @Test
    void claim2FollowsLongPollingsEmptyAnswersAndRequests() {
        LongPollingCutsEmptyClaim claim = new LongPollingCutsEmptyClaim(plans);
        rareData(plans.baseMinimal, 0.75, 500);
        rareData(plans.baseBrowser, 0.75, 1500);
        assertThat(judge(claim).verdict()).isEqualTo(HOLDS);

        put(plans.baseBrowser, "long-poll", null, Figures.EMPTY_RESPONSE_SHARE, 0.5);
        assertThat(judge(claim).verdict()).isEqualTo(HOLDS_ONLY_WHEN);
    }

    /** Per rate: short polling's and long polling's requests, bytes and CPU per delivery, and medians. */
    private void rates(RunPlan plan, String rate, double sp, double lp) {
        put(plan, "poll", rate, Figures.REQUESTS_PER_DELIVERY, sp, Figures.WIRE_BYTES_PER_DELIVERY, 100 * sp,
                Figures.SERVER_CPU_MICROS_PER_DELIVERY, 10 * sp, Figures.MEDIAN_LATENCY_MICROS, 150_000);
        put(plan, "long-poll", rate, Figures.REQUESTS_PER_DELIVERY, lp, Figures.WIRE_BYTES_PER_DELIVERY, 100 * lp,
                Figures.SERVER_CPU_MICROS_PER_DELIVERY, 10 * lp, Figures.MEDIAN_LATENCY_MICROS, 50_000);
    }

    @Test
    void claim3FindsTheRateFromWhichLongPollingStopsHelping() {
        FrequentDataClaim claim = new FrequentDataClaim(plans);
        for (RunPlan plan : List.of(plans.rateMinimal, plans.rateBrowser, plans.rateRtt)) {
            rates(plan, "2", 2.5, 1.0);    // long polling still cheaper at 2 msg/s
            rates(plan, "16", 0.31, 1.0);  // and dearer at 16 msg/s
        }
        ClaimVerdict v = judge(claim);
        assertThat(v.verdict()).isEqualTo(HOLDS_ONLY_WHEN);
        assertThat(v.finding()).startsWith("holds when data changes at least 16 msg/s per topic");

        rates(plans.rateRtt, "16", 2.0, 0.6);   // at 100 ms RTT long polling stays cheaper at the highest rate
        assertThat(judge(claim).verdict()).isEqualTo(DOES_NOT_HOLD);

        for (RunPlan plan : List.of(plans.rateMinimal, plans.rateBrowser, plans.rateRtt)) {
            rates(plan, "2", 1.0, 1.0);
            rates(plan, "16", 0.31, 1.0);
        }
        assertThat(judge(claim).verdict()).isEqualTo(HOLDS);
    }

    @Test
    void claim3SetsTheMediansBesideTheModelWithTheRoundTrip() {
        FrequentDataClaim claim = new FrequentDataClaim(plans);
        for (RunPlan plan : List.of(plans.rateMinimal, plans.rateBrowser, plans.rateRtt)) {
            rates(plan, "2", 2.5, 1.0);
            rates(plan, "16", 0.31, 1.0);
        }
        ClaimVerdict v = judge(claim);

        // 100 ms RTT, 200 ms interval: short polling 100 + 50 ms; long polling at 2 msg/s (500 ms apart) 50 ms,
        // at 16 msg/s (62.5 ms apart, under a round trip) 100 ms
        assertThat(v.figures()).filteredOn(f -> f.point().contains("100ms RTT") && f.metric().equals(Figures.MEDIAN_LATENCY_MICROS))
                .extracting(f -> f.point().substring(0, f.point().indexOf(',')) + "@" + f.point().substring(f.point().lastIndexOf(' ') + 1)
                        + "=" + Math.round(f.model()))
                .containsExactlyInAnyOrder("poll@16=150000", "long-poll@16=100000", "poll@2=150000", "long-poll@2=50000");
    }

    @Test
    void claim4FollowsCpuAndMemoryPerConnectionAtTheLargestCount() {
        ManyUsersClaim claim = new ManyUsersClaim(plans);
        for (String n : List.of("100", "1000")) {
            put(plans.clients, "poll", n, Figures.SERVER_CPU_MICROS_PER_DELIVERY, 100, Figures.MEMORY_BYTES_PER_CONNECTION, 5000);
            put(plans.clients, "long-poll", n, Figures.SERVER_CPU_MICROS_PER_DELIVERY, 90, Figures.MEMORY_BYTES_PER_CONNECTION, 5500);
        }
        assertThat(judge(claim).verdict()).isEqualTo(HOLDS);

        put(plans.clients, "long-poll", "100", Figures.SERVER_CPU_MICROS_PER_DELIVERY, 30);
        assertThat(judge(claim).verdict()).isEqualTo(HOLDS_ONLY_WHEN);
        assertThat(judge(claim).finding()).startsWith("holds from 1000 clients");

        put(plans.clients, "long-poll", "1000", Figures.SERVER_CPU_MICROS_PER_DELIVERY, 30);
        assertThat(judge(claim).verdict()).isEqualTo(DOES_NOT_HOLD);
    }

    @Test
    void claims5And6FollowRequestsBytesAndLatency() {
        SseStreamClaim sse = new SseStreamClaim(plans);
        WebSocketLighterClaim ws = new WebSocketLighterClaim(plans);
        rareData(plans.baseMinimal, 0.75, 500);
        rareData(plans.baseBrowser, 0.75, 1500);
        rareData(plans.baseRtt, 0.75, 500);
        assertThat(judge(sse).verdict()).isEqualTo(HOLDS);
        assertThat(judge(ws).verdict()).isEqualTo(HOLDS);

        put(plans.baseRtt, "ws", null, Figures.WIRE_BYTES_PER_DELIVERY, 200);   // heavier than SSE's 190 B
        assertThat(judge(ws).verdict()).isEqualTo(HOLDS_ONLY_WHEN);
        put(plans.baseRtt, "ws", null, Figures.WIRE_BYTES_PER_DELIVERY, 600);   // heavier than polling too
        assertThat(judge(ws).verdict()).isEqualTo(DOES_NOT_HOLD);

        put(plans.baseBrowser, "sse", null, Figures.REQUESTS_PER_DELIVERY, 0.5);
        assertThat(judge(sse).verdict()).isEqualTo(DOES_NOT_HOLD);
    }

    @Test
    void claim7FollowsBytesAndCpuWithAndWithoutDeflate() {
        DeflateClaim claim = new DeflateClaim(plans);
        put(plans.deflateOff, "ws", null, Figures.DOWN_BYTES_PER_DELIVERY, 1040, Figures.SERVER_CPU_MICROS_PER_DELIVERY, 10);
        put(plans.deflateOn, "ws", null, Figures.DOWN_BYTES_PER_DELIVERY, 800, Figures.SERVER_CPU_MICROS_PER_DELIVERY, 14);
        assertThat(judge(claim).verdict()).isEqualTo(HOLDS);
        put(plans.deflateOn, "ws", null, Figures.SERVER_CPU_MICROS_PER_DELIVERY, 10.5);
        assertThat(judge(claim).verdict()).isEqualTo(HOLDS_ONLY_WHEN);
        put(plans.deflateOn, "ws", null, Figures.DOWN_BYTES_PER_DELIVERY, 1000);
        assertThat(judge(claim).verdict()).isEqualTo(DOES_NOT_HOLD);
    }

    private void browser(String setup, int es, int esCredentials, int fetch, int ws) {
        int[] values = {es, esCredentials, fetch, ws};
        for (int i = 0; i < values.length; i++) {
            o.add(new Observations.Observation(setup, CrossOriginProbe.CHECKS.get(i), null,
                    Map.of(CrossOriginProbe.OPENED, (double) values[i]), true, null));
        }
    }

    @Test
    void claim8FollowsWhatTheBrowserOpened() {
        CrossOriginSseClaim claim = new CrossOriginSseClaim();
        browser(CrossOriginProbe.NO_CORS, 0, 0, 0, 1);
        browser(CrossOriginProbe.CORS_STAR, 1, 0, 1, 1);
        assertThat(judge(claim).verdict()).isEqualTo(HOLDS_ONLY_WHEN);
        assertThat(judge(claim).finding()).contains("failed without CORS headers and opened with Access-Control-Allow-Origin: *");

        browser(CrossOriginProbe.CORS_STAR, 0, 0, 0, 1);
        assertThat(judge(claim).verdict()).isEqualTo(HOLDS);
        browser(CrossOriginProbe.NO_CORS, 1, 1, 1, 1);
        assertThat(judge(claim).verdict()).isEqualTo(DOES_NOT_HOLD);
    }

    @Test
    void missingFiguresGiveNotMeasuredNamingThemAndClaim9IsNeverFaked() {
        rareData(plans.baseMinimal, 0.75, 500);   // the browser run is missing

        ClaimVerdict v = judge(new ShortPollingWasteClaim(plans));

        assertThat(v.verdict()).isEqualTo(NOT_MEASURED);
        assertThat(v.finding()).contains("emptyResponseShare of poll, browser headers, loopback");
        assertThat(judge(new BrokerChatClaim(plans)).verdict()).isEqualTo(NOT_MEASURED);
        assertThat(judge(new BrokerChatClaim(plans)).finding()).contains("medianLatencyMicros of sse");
    }

    /** A room of SSE members: one instance at {@code aloneMicros}, each broker's instances at {@code viaMicros}. */
    private void chatRoom(double aloneMicros, double viaMicros) {
        put(plans.chatMemory, "sse", null, Figures.MEDIAN_LATENCY_MICROS, aloneMicros,
                Figures.SERVER_CPU_MICROS_PER_DELIVERY, 20);
        for (RunPlan plan : plans.chatBrokers) {
            put(plan, "sse", null, Figures.MEDIAN_LATENCY_MICROS, viaMicros, Figures.SERVER_CPU_MICROS_PER_DELIVERY, 30,
                    Figures.BROKER_HOP_P50_MICROS, 900);
        }
    }

    @Test
    void claim9HoldsWhenEveryBrokerCarriesTheRoomValidAndWithin10MillisecondsOfOneInstance() {
        BrokerChatClaim claim = new BrokerChatClaim(plans);
        chatRoom(2_000, 11_000);
        assertThat(judge(claim).verdict()).isEqualTo(HOLDS);

        put(plans.chatBrokers.get(1), "sse", null, Figures.MEDIAN_LATENCY_MICROS, 12_500);   // 10.5 ms above
        assertThat(judge(claim).verdict()).isEqualTo(HOLDS_ONLY_WHEN);
        assertThat(judge(claim).finding()).startsWith("holds only through redis 11 ms, valid");

        Observations.Observation redis = o.get(plans.chatBrokers.get(0).id(), "sse", null);
        o.add(new Observations.Observation(redis.planId(), "sse", null, redis.figures(), false, redis.runFolder()));
        assertThat(judge(claim).verdict()).isEqualTo(DOES_NOT_HOLD);
        assertThat(judge(claim).finding()).contains("redis 11 ms, NOT valid");
    }

    @Test
    void claim9WithoutAReachableBrokerIsNotMeasuredAndSaysWhichAndWhy() {
        BrokerChatClaim claim = new BrokerChatClaim(plans);
        put(plans.chatMemory, "sse", null, Figures.MEDIAN_LATENCY_MICROS, 2_000, Figures.SERVER_CPU_MICROS_PER_DELIVERY, 20);
        plans.chatBrokers.forEach(p -> o.notRun(p.id(), "--broker: cannot reach the broker " + p.broker()));
        assertThat(judge(claim).verdict()).isEqualTo(NOT_MEASURED);
        assertThat(judge(claim).finding()).contains("cannot reach the broker redis://127.0.0.1:6379");
    }

    @Test
    void claim9ThroughTheBrokersThatCouldBeReachedHoldsOnlyThroughThoseAndNamesTheOthers() {
        BrokerChatClaim claim = new BrokerChatClaim(plans);
        chatRoom(2_000, 3_000);
        o.notRun(plans.chatBrokers.get(1).id(), "--broker: cannot reach the broker postgresql://...");
        assertThat(judge(claim).verdict()).isEqualTo(HOLDS_ONLY_WHEN);
        assertThat(judge(claim).notes()).anyMatch(n -> n.contains("not measured through postgresql"));
    }
}
