package io.pushbench.report;

/**
 * The workload values in effect for one result (the configuration with this sweep point's value applied).
 *
 * @param clients            simulated clients
 * @param topics             {@code "1"} or {@code "per-client"}
 * @param topicCount         number of topics published to
 * @param publishRatePerSec  messages per second per topic
 * @param payloadBytes       bytes per payload
 * @param pollIntervalMillis short polling interval, ms
 * @param longPollHoldMillis long polling hold, ms
 */
public record WorkloadPoint(
        int clients,
        String topics,
        int topicCount,
        double publishRatePerSec,
        int payloadBytes,
        long pollIntervalMillis,
        long longPollHoldMillis) {
}
