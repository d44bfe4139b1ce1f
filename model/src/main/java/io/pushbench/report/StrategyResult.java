package io.pushbench.report;

import io.pushbench.model.Strategy;

import java.util.List;

/**
 * The figures of one strategy at one sweep point in one repeat: one measured window against a fresh server.
 *
 * @param strategy             the strategy measured (JSON: its label, e.g. {@code "long-poll"})
 * @param sweepParameter       the swept parameter, or {@code null} when the run has no sweep
 * @param sweepValue           this point's value as given (e.g. {@code "500ms"}), or {@code null}
 * @param repeatIndex          which repeat, 1-based
 * @param workload             the workload values in effect for this result
 * @param measuredWindowMicros the measured window's actual length, µs (the denominator of every per-second figure)
 * @param delivery             messages published and delivered, and the proof of delivery
 * @param requests             HTTP requests and empty responses
 * @param applicationBytes     bytes the client sockets wrote and read, by direction and category
 * @param networkBytes         bytes on the network including TCP/IP headers and ACKs, from the kernel
 * @param latency              latency histograms (delivery, publisher lag, connect, loader stall)
 * @param cpu                  CPU time of server and load generator
 * @param memory               server memory per open connection
 * @param gc                   GC pauses in the measured window
 * @param model                the analytic model's values beside the measured ones (empty when none applies)
 * @param validity             whether this result can be trusted, and why not
 * @param hlogFile             the interval histogram log of this result, relative to the report's folder
 * @param timeline             one entry per second of the measured window
 * @param publish              the publisher's answers, reconnects and publishes of unknown fate; {@code null} in
 *                             reports of schema version 1 and 2
 * @param broker               the broker between several server instances; {@code null} without one and in
 *                             reports before schema version 4
 */
public record StrategyResult(
        Strategy strategy,
        String sweepParameter,
        String sweepValue,
        int repeatIndex,
        WorkloadPoint workload,
        long measuredWindowMicros,
        DeliveryFigures delivery,
        RequestFigures requests,
        ApplicationBytes applicationBytes,
        NetworkBytes networkBytes,
        LatencyFigures latency,
        CpuFigures cpu,
        MemoryFigures memory,
        GcFigures gc,
        List<ModelValue> model,
        Validity validity,
        String hlogFile,
        List<TimelineSecond> timeline,
        PublishFigures publish,
        BrokerFigures broker) {

    public StrategyResult {
        model = List.copyOf(model);
        timeline = List.copyOf(timeline);
    }

    /** As before schema version 4: no broker. */
    public StrategyResult(Strategy strategy, String sweepParameter, String sweepValue, int repeatIndex,
                          WorkloadPoint workload, long measuredWindowMicros, DeliveryFigures delivery,
                          RequestFigures requests, ApplicationBytes applicationBytes, NetworkBytes networkBytes,
                          LatencyFigures latency, CpuFigures cpu, MemoryFigures memory, GcFigures gc,
                          List<ModelValue> model, Validity validity, String hlogFile, List<TimelineSecond> timeline,
                          PublishFigures publish) {
        this(strategy, sweepParameter, sweepValue, repeatIndex, workload, measuredWindowMicros, delivery, requests,
                applicationBytes, networkBytes, latency, cpu, memory, gc, model, validity, hlogFile, timeline, publish,
                null);
    }

    /** This result with the broker's figures, and the validity they add to. */
    public StrategyResult withBroker(BrokerFigures figures, Validity newValidity) {
        return new StrategyResult(strategy, sweepParameter, sweepValue, repeatIndex, workload, measuredWindowMicros,
                delivery, requests, applicationBytes, networkBytes, latency, cpu, memory, gc, model, newValidity,
                hlogFile, timeline, publish, figures);
    }
}
