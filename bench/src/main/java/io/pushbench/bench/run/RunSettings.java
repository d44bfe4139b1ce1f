package io.pushbench.bench.run;

import io.pushbench.bench.workload.Sweep;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;

import java.util.List;

/**
 * Everything a load run needs besides its target: the options record behind {@code pushbench run}.
 *
 * @param strategies            strategies in run order, each measured on its own
 * @param workload              the base workload (preset and options applied)
 * @param preset                the preset's label, or null
 * @param sweep                 the sweep, or null
 * @param repeats               independent repeats of every strategy and sweep point, ≥ 1
 * @param maxPublisherLagMicros validity bound on publisher lag p99.9, µs
 * @param maxLoaderStallMicros  validity bound on loader stall p99.9, µs
 * @param clientThreads         client event-loop threads
 * @param sourceAddresses       loopback source addresses to spread connections over
 * @param wsDeflate             WebSocket clients offer permessage-deflate (and the server allows it)
 * @param publisherConnections  keep-alive publish connections
 * @param clientHeaders         the headers the clients send beyond their protocol's ({@code --client-headers})
 */
public record RunSettings(List<Strategy> strategies, WorkloadParameters workload, String preset, Sweep sweep,
                          int repeats, long maxPublisherLagMicros, long maxLoaderStallMicros, int clientThreads,
                          int sourceAddresses, boolean wsDeflate, int publisherConnections,
                          io.pushbench.bench.client.headers.ClientHeaders clientHeaders) {

    /** Settings whose clients send minimal headers. */
    public RunSettings(List<Strategy> strategies, WorkloadParameters workload, String preset, Sweep sweep,
                       int repeats, long maxPublisherLagMicros, long maxLoaderStallMicros, int clientThreads,
                       int sourceAddresses, boolean wsDeflate, int publisherConnections) {
        this(strategies, workload, preset, sweep, repeats, maxPublisherLagMicros, maxLoaderStallMicros, clientThreads,
                sourceAddresses, wsDeflate, publisherConnections, io.pushbench.bench.client.headers.ClientHeaders.MINIMAL);
    }

    public RunSettings {
        strategies = List.copyOf(strategies);
        java.util.Objects.requireNonNull(clientHeaders, "clientHeaders");
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("at least one strategy is needed");
        }
        if (repeats < 1 || repeats > 1000) {
            throw new IllegalArgumentException("repeat must be 1..1000, got " + repeats);
        }
    }

    /**
     * The plan in run order: per sweep point, per repeat, every strategy (repeats interleave the strategies, so a
     * slow drift of the machine does not fall on one strategy).
     */
    public List<RunPoint> plan() {
        List<String> values = sweep == null ? java.util.Collections.singletonList(null) : sweep.values();
        List<RunPoint> points = new java.util.ArrayList<>();
        for (String value : values) {
            WorkloadParameters w = value == null ? workload : sweep.parameter().apply(workload, value);
            for (int r = 1; r <= repeats; r++) {
                for (Strategy s : strategies) {
                    points.add(new RunPoint(points.size(), s, sweep == null ? null : sweep.parameter().label(), value,
                            r, w.withSeed(workload.seed() + r - 1)));
                }
            }
        }
        return points;
    }
}
