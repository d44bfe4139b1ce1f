package io.pushbench.report;

/**
 * One second of a measured window, for charts over time.
 *
 * @param elapsedMillis    end of this second, ms since the start of the measured window
 * @param connectedClients clients connected at that moment
 * @param deliveries       deliveries received in this second
 * @param p99Micros        99th percentile of delivery latency (from scheduled time) in this second, µs (0 when none)
 * @param errors           client errors in this second
 */
public record TimelineSecond(long elapsedMillis, int connectedClients, long deliveries, long p99Micros, long errors) {
}
