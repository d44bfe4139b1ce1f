package io.pushbench.server.metrics;

import io.pushbench.model.Strategy;
import java.util.EnumMap;
import java.util.Map;

/** The server's traffic counters: one bucket per strategy, plus {@code control} (publish, health, metrics, unrouted). */
public final class ServerCounters {

    private final Map<Strategy, TrafficCounters> byStrategy = new EnumMap<>(Strategy.class);
    private final TrafficCounters control = new TrafficCounters();

    public ServerCounters() {
        for (Strategy s : Strategy.values()) {
            byStrategy.put(s, new TrafficCounters());
        }
    }

    /** The bucket of a strategy; {@code null} = the control bucket. */
    public TrafficCounters bucket(Strategy strategyOrNull) {
        return strategyOrNull == null ? control : byStrategy.get(strategyOrNull);
    }

    /** The control bucket. */
    public TrafficCounters control() {
        return control;
    }
}
