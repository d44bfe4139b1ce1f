package io.pushbench.report;

/**
 * How receive times on the clients relate to scheduled publish times.
 *
 * @param method            {@code "shared-monotonic"} when publisher and clients read one host's monotonic
 *                          clock (embedded, fork, or an external server on the same host); {@code "offset-estimate"}
 *                          when the target is on another host and its clock offset was estimated
 * @param offsetMicros      estimated offset of the target's clock minus ours, microseconds ({@code null} when shared)
 * @param uncertaintyMicros half the smallest round trip of the exchanges, microseconds ({@code null} when shared)
 * @param exchanges         request/response exchanges used for the estimate (0 when shared)
 */
public record ClockInfo(String method, Double offsetMicros, Double uncertaintyMicros, int exchanges) {

    /** The clock of a run whose publisher and clients share one host's monotonic clock. */
    public static ClockInfo sharedMonotonic() {
        return new ClockInfo("shared-monotonic", null, null, 0);
    }
}
