package io.pushbench.report;

/**
 * The latency histograms of one result, all in microseconds.
 *
 * @param fromScheduled delivery latency: client receive time − the message's <em>scheduled</em> publish time
 *                      (the primary figure; coordinated-omission safe, like wrk2's {@code latency_histogram})
 * @param fromSend      delivery latency from the <em>actual</em> send of the publish request (the naive figure, like
 *                      wrk2's {@code u_latency_histogram}); shown beside the primary one
 * @param publisherLag  actual send time − scheduled time of every publish in the window
 * @param connectTime   connection setup: TCP connect plus handshake (HTTP upgrade / first response headers)
 * @param loaderStall   the load generator's event-loop stall probe (jHiccup style): how late a short timer fired
 */
public record LatencyFigures(
        RecordedHistogram fromScheduled,
        RecordedHistogram fromSend,
        RecordedHistogram publisherLag,
        RecordedHistogram connectTime,
        RecordedHistogram loaderStall) {
}
