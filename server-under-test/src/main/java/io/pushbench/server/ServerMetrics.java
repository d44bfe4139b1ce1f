package io.pushbench.server;

import io.pushbench.model.Strategy;
import io.pushbench.server.broker.BrokerMetrics;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * An immutable snapshot of the server's counters: per strategy, the control bucket (publish, health,
 * metrics and unrouted requests), the CPU time of the server's own threads and its outbound buffers.
 *
 * @param transport {@code epoll} or {@code nio}
 * @param strategies the counters of each strategy
 * @param control the counters of publish, health, metrics and unrouted requests
 * @param serverCpuNanos CPU time used by the server's threads ({@code pushbench-server-*}), measured
 *     with ThreadMXBean; -1 when the JVM cannot measure it
 * @param outboundBufferedBytes bytes waiting in all connections' outbound buffers now (Netty's pending
 *     write bytes, including its per-entry overhead)
 * @param maxConnectionOutboundBufferedBytes the largest outbound buffer of any one connection now, bytes
 * @param broker what the broker connection did since start (kind {@code memory}: only publishes)
 */
public record ServerMetrics(String transport, Map<Strategy, TrafficCounts> strategies, TrafficCounts control,
        long serverCpuNanos, long outboundBufferedBytes, long maxConnectionOutboundBufferedBytes, BrokerMetrics broker) {

    public ServerMetrics {
        strategies = Collections.unmodifiableMap(new EnumMap<>(strategies));
    }

    /** The counters of one strategy. */
    public TrafficCounts of(Strategy strategy) {
        return strategies.get(strategy);
    }

    /** Open connections over all buckets. */
    public long openConnections() {
        long open = control.openConnections();
        for (TrafficCounts c : strategies.values()) {
            open += c.openConnections();
        }
        return open;
    }
}
