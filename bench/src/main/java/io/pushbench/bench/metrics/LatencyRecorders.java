package io.pushbench.bench.metrics;

/**
 * The five microsecond recorders of one strategy run, written by the event loops and the publisher.
 *
 * @param fromScheduled delivery latency from the scheduled publish time (primary)
 * @param fromSend      delivery latency from the actual send
 * @param publisherLag  actual send − scheduled publish time
 * @param connectTime   TCP connect plus handshake, per connection
 * @param loaderStall   the stall probe's lateness
 */
public record LatencyRecorders(MicrosRecorder fromScheduled, MicrosRecorder fromSend, MicrosRecorder publisherLag,
                               MicrosRecorder connectTime, MicrosRecorder loaderStall) {

    /** Five fresh recorders; the stall recorder is the probe's own. */
    public static LatencyRecorders create(StallProbe probe) {
        return new LatencyRecorders(new MicrosRecorder(), new MicrosRecorder(), new MicrosRecorder(),
                new MicrosRecorder(), probe.stallMicros());
    }
}
