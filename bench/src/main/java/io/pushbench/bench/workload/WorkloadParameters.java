package io.pushbench.bench.workload;

import java.time.Duration;

/**
 * The workload of one measured strategy run: who subscribes, what is published how often, and for how long.
 *
 * @param clients           simulated clients, 1 .. 1,000,000
 * @param topics            one broadcast topic or one topic per client
 * @param publishRatePerSec messages per second per topic, &gt; 0
 * @param arrivals          fixed spacing or Poisson
 * @param payloadBytes      bytes per payload, at least {@link PayloadHeader#MIN_PAYLOAD_BYTES}
 * @param pollInterval      short polling interval, &gt; 0
 * @param longPollHold      long polling hold timeout the server applies, &gt; 0
 * @param rampUpPerSec      connections opened per second while ramping up (0 = all at once)
 * @param warmup            warm-up before the measured window (≥ 0)
 * @param duration          the measured window (&gt; 0)
 * @param seed              seed of every random choice (Poisson gaps, topics of Poisson arrivals, padding)
 */
public record WorkloadParameters(
        int clients,
        TopicMode topics,
        double publishRatePerSec,
        Arrivals arrivals,
        int payloadBytes,
        Duration pollInterval,
        Duration longPollHold,
        int rampUpPerSec,
        Duration warmup,
        Duration duration,
        long seed) {

    public WorkloadParameters {
        require(clients >= 1 && clients <= 1_000_000, "clients must be 1..1000000, got " + clients);
        require(publishRatePerSec > 0 && publishRatePerSec <= 1_000_000 && Double.isFinite(publishRatePerSec),
                "rate must be > 0 and <= 1000000 messages/s per topic, got " + publishRatePerSec);
        require(payloadBytes >= PayloadHeader.MIN_PAYLOAD_BYTES && payloadBytes <= 1 << 20,
                "payload must be " + PayloadHeader.MIN_PAYLOAD_BYTES + "..1048576 bytes (the payload starts with a "
                        + PayloadHeader.MIN_PAYLOAD_BYTES + "-byte header of topic, seq and scheduled time), got "
                        + payloadBytes);
        require(!pollInterval.isNegative() && !pollInterval.isZero(), "poll interval must be > 0, got " + pollInterval);
        require(!longPollHold.isNegative() && !longPollHold.isZero(), "long-poll hold must be > 0, got " + longPollHold);
        require(rampUpPerSec >= 0, "ramp-up must be >= 0 connections/s (0 = all at once), got " + rampUpPerSec);
        require(!warmup.isNegative(), "warm-up must be >= 0, got " + warmup);
        require(!duration.isNegative() && !duration.isZero(), "duration must be > 0, got " + duration);
        long topicsCount = topics.topicCount(clients);
        require(topicsCount * publishRatePerSec <= 1_000_000,
                "total publish rate " + topicsCount * publishRatePerSec + " messages/s is above 1000000");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Topics published to. */
    public int topicCount() {
        return topics.topicCount(clients);
    }

    /** Deliveries per second owed in steady state: per message, the clients of its topic. */
    public double expectedDeliveriesPerSec() {
        return publishRatePerSec * topicCount() * (topics == TopicMode.SINGLE ? clients : 1);
    }

    public WorkloadParameters withClients(int n) {
        return new WorkloadParameters(n, topics, publishRatePerSec, arrivals, payloadBytes, pollInterval,
                longPollHold, rampUpPerSec, warmup, duration, seed);
    }

    public WorkloadParameters withPublishRatePerSec(double r) {
        return new WorkloadParameters(clients, topics, r, arrivals, payloadBytes, pollInterval, longPollHold,
                rampUpPerSec, warmup, duration, seed);
    }

    public WorkloadParameters withPayloadBytes(int b) {
        return new WorkloadParameters(clients, topics, publishRatePerSec, arrivals, b, pollInterval, longPollHold,
                rampUpPerSec, warmup, duration, seed);
    }

    public WorkloadParameters withPollInterval(Duration d) {
        return new WorkloadParameters(clients, topics, publishRatePerSec, arrivals, payloadBytes, d, longPollHold,
                rampUpPerSec, warmup, duration, seed);
    }

    /** The same workload with another seed (each repeat gets its own). */
    public WorkloadParameters withSeed(long s) {
        return new WorkloadParameters(clients, topics, publishRatePerSec, arrivals, payloadBytes, pollInterval,
                longPollHold, rampUpPerSec, warmup, duration, s);
    }
}
