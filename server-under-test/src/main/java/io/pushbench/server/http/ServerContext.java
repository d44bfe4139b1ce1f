package io.pushbench.server.http;

import io.pushbench.server.PushServerConfig;
import io.pushbench.server.ServerMetrics;
import io.pushbench.server.broker.Broker;
import io.pushbench.server.log.MessageLog;
import io.pushbench.server.metrics.ServerCounters;
import io.pushbench.server.push.TopicWakeups;
import java.util.function.Supplier;

/**
 * What every handler of one server shares: its config, message log, the per-event-loop wake-ups of the
 * log's waiters, counters, metrics snapshot and the broker publishes go through.
 */
public record ServerContext(PushServerConfig config, MessageLog log, TopicWakeups wakeups, ServerCounters counters,
        Supplier<ServerMetrics> metrics, Broker broker) {
}
