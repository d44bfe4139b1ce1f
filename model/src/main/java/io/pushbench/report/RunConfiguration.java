package io.pushbench.report;

import java.util.List;
import java.util.Map;

/**
 * Everything that shapes a run, after the preset and defaults were applied. Two runs are comparable
 * when their configurations are equal (apart from {@code repeats}).
 *
 * @param strategies                 strategy labels in run order, e.g. {@code [poll, long-poll, sse, ws]}
 * @param preset                     the named preset the run started from, or {@code null}
 * @param clients                    simulated clients per strategy
 * @param topics                     {@code "1"} (one topic, broadcast to all clients) or {@code "per-client"}
 * @param publishRatePerSec          messages per second published to each topic
 * @param arrivals                   {@code "fixed"} (evenly spaced schedule) or {@code "poisson"} (exponential gaps, seeded)
 * @param payloadBytes               bytes per message payload
 * @param pollIntervalMillis         short polling: time between the start of one poll and the next, ms
 * @param longPollHoldMillis         long polling: how long the server holds a request with nothing to answer, ms
 * @param rampUpPerSec               client connections opened per second while ramping up (0 = all at once)
 * @param warmupMillis               warm-up before the measured window, ms (figures of the warm-up are discarded)
 * @param durationMillis             the measured window, ms
 * @param seed                       the random seed (Poisson gaps, client start jitter)
 * @param sweep                      the swept parameter and its values, or {@code null} when none
 * @param repeats                    independent repeats of every strategy and sweep point (1 = no repeat)
 * @param server                     {@code "embedded"}, {@code "fork"} or {@code "external"}
 * @param target                     the external target, or {@code null} unless {@code server} is {@code "external"}
 * @param maxPublisherLagMicros      validity bound: a run whose publisher lag p99.9 exceeds this is invalid, µs
 * @param maxLoaderStallMicros       validity bound: a run whose loader stall max exceeds this is invalid, µs
 * @param sourceAddresses            loopback source addresses the clients spread over (127.0.0.1 .. 127.0.0.N)
 * @param wsDeflate                  whether WebSocket clients offer {@code permessage-deflate}
 * @param serverOptions              the server's own options (name → value as given), empty for external targets
 * @param clientHeaders              the clients' header profile ({@code minimal}, {@code browser}, a file), with its
 *                                   cookie size; {@code null} in reports before version 5 (minimal)
 * @param network                    the emulated network, or {@code null} for loopback (and before version 5)
 */
public record RunConfiguration(
        List<String> strategies,
        String preset,
        int clients,
        String topics,
        double publishRatePerSec,
        String arrivals,
        int payloadBytes,
        long pollIntervalMillis,
        long longPollHoldMillis,
        double rampUpPerSec,
        long warmupMillis,
        long durationMillis,
        long seed,
        SweepSpec sweep,
        int repeats,
        String server,
        ExternalTarget target,
        long maxPublisherLagMicros,
        long maxLoaderStallMicros,
        int sourceAddresses,
        boolean wsDeflate,
        Map<String, String> serverOptions,
        String clientHeaders,
        NetworkCondition network) {

    /** A configuration of the clients' minimal headers on loopback (the fields before schema version 5). */
    public RunConfiguration(List<String> strategies, String preset, int clients, String topics, double publishRatePerSec,
                            String arrivals, int payloadBytes, long pollIntervalMillis, long longPollHoldMillis,
                            double rampUpPerSec, long warmupMillis, long durationMillis, long seed, SweepSpec sweep,
                            int repeats, String server, ExternalTarget target, long maxPublisherLagMicros,
                            long maxLoaderStallMicros, int sourceAddresses, boolean wsDeflate,
                            Map<String, String> serverOptions) {
        this(strategies, preset, clients, topics, publishRatePerSec, arrivals, payloadBytes, pollIntervalMillis,
                longPollHoldMillis, rampUpPerSec, warmupMillis, durationMillis, seed, sweep, repeats, server, target,
                maxPublisherLagMicros, maxLoaderStallMicros, sourceAddresses, wsDeflate, serverOptions, null, null);
    }

    public RunConfiguration {
        strategies = List.copyOf(strategies);
        serverOptions = Map.copyOf(serverOptions);
    }
}
