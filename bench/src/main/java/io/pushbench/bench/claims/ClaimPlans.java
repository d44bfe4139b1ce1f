package io.pushbench.bench.claims;

import io.pushbench.bench.network.NetworkCondition;
import io.pushbench.bench.workload.Arrivals;
import io.pushbench.bench.workload.TopicMode;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;

import java.time.Duration;
import java.util.List;

/**
 * The load runs behind the claims, shared between them: a base workload where data changes rarely (every strategy,
 * both header profiles, loopback and 100 ms RTT), a rate sweep of the polling strategies at a 100 ms latency budget,
 * a client-count sweep, and WebSocket with and without permessage-deflate.
 */
final class ClaimPlans {

    /** The round trip of the "internet" runs. */
    static final NetworkCondition RTT_100MS = NetworkCondition.parse("100ms");
    static final String MINIMAL = "minimal";
    static final String BROWSER = "browser";
    /** Rare data: 0.5 msg/s per topic, polled every 500 ms (so 3 polls in 4 find nothing by the model). */
    static final double BASE_RATE_PER_SEC = 0.5;
    static final Duration BASE_POLL_INTERVAL = Duration.ofMillis(500);
    /** Claim 3's latency budget: short polling every 200 ms waits 100 ms on average. */
    static final Duration BUDGET_POLL_INTERVAL = Duration.ofMillis(200);
    static final int SWEEP_CLIENTS = 50;
    static final int DEFLATE_PAYLOAD_BYTES = 1024;
    /** Claim 9's room: messages per second posted to it, and the instances its members are spread over. */
    static final double CHAT_RATE_PER_SEC = 10;
    static final int CHAT_INSTANCES = 3;
    /** The brokers claim 9 uses unless told otherwise: the machine's own Redis and PostgreSQL. */
    static final String DEFAULT_REDIS = "redis://127.0.0.1:6379";
    static final String DEFAULT_POSTGRESQL = "postgresql://127.0.0.1:5432/test?user=postgres";

    private static final List<Strategy> ALL = List.of(Strategy.SHORT_POLLING, Strategy.LONG_POLLING, Strategy.SSE, Strategy.WEBSOCKET);
    private static final List<Strategy> POLLING = List.of(Strategy.SHORT_POLLING, Strategy.LONG_POLLING);

    final ClaimsProfile profile;
    final RunPlan baseMinimal;
    final RunPlan baseBrowser;
    final RunPlan baseRtt;
    final RunPlan rateMinimal;
    final RunPlan rateBrowser;
    final RunPlan rateRtt;
    final RunPlan clients;
    final RunPlan deflateOff;
    final RunPlan deflateOn;
    final RunPlan chatMemory;
    final List<RunPlan> chatBrokers;

    ClaimPlans(ClaimsProfile profile) {
        this(profile, List.of(DEFAULT_REDIS, DEFAULT_POSTGRESQL));
    }

    /** @param chatBrokers the broker URLs claim 9 runs its room through */
    ClaimPlans(ClaimsProfile profile, List<String> chatBrokers) {
        this.profile = profile;
        WorkloadParameters base = new WorkloadParameters(profile.clients(), TopicMode.SINGLE, BASE_RATE_PER_SEC,
                Arrivals.FIXED, 64, BASE_POLL_INTERVAL, Duration.ofSeconds(30), 2000, profile.warmup(), profile.window(), 1);
        baseMinimal = new RunPlan("base-minimal", ALL, base, null, MINIMAL, null, false, false);
        baseBrowser = new RunPlan("base-browser", ALL, base, null, BROWSER, null, false, false);
        baseRtt = new RunPlan("base-minimal-100ms", ALL, base, null, MINIMAL, RTT_100MS, false, false);
        WorkloadParameters budget = base.withClients(SWEEP_CLIENTS).withPollInterval(BUDGET_POLL_INTERVAL);
        String rates = "rate=" + String.join(",", profile.claim3Rates());
        rateMinimal = new RunPlan("rate-minimal", POLLING, budget, rates, MINIMAL, null, false, false);
        rateBrowser = new RunPlan("rate-browser", POLLING, budget, rates, BROWSER, null, false, false);
        rateRtt = new RunPlan("rate-minimal-100ms", POLLING, budget, rates, MINIMAL, RTT_100MS, false, false);
        WorkloadParameters many = base.withPublishRatePerSec(1).withPollInterval(Duration.ofSeconds(1));
        clients = new RunPlan("clients", POLLING, many, "clients=" + String.join(",", profile.claim4Clients()), MINIMAL,
                null, false, true);
        WorkloadParameters big = base.withClients(SWEEP_CLIENTS).withPublishRatePerSec(10).withPayloadBytes(DEFLATE_PAYLOAD_BYTES);
        deflateOff = new RunPlan("ws-plain", List.of(Strategy.WEBSOCKET), big, null, BROWSER, null, false, false);
        deflateOn = new RunPlan("ws-deflate", List.of(Strategy.WEBSOCKET), big, null, BROWSER, null, true, false);
        WorkloadParameters room = base.withClients(SWEEP_CLIENTS).withPublishRatePerSec(CHAT_RATE_PER_SEC);
        chatMemory = new RunPlan("chat-memory", List.of(Strategy.SSE), room, null, BROWSER, null, false, false);
        this.chatBrokers = chatBrokers.stream().map(url -> new RunPlan("chat-" + url.substring(0, url.indexOf(':')),
                List.of(Strategy.SSE), room, null, BROWSER, null, false, false, url, CHAT_INSTANCES)).toList();
    }
}
