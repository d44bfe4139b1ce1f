package io.pushbench.server.http;

import io.pushbench.server.PushServerConfig;
import io.pushbench.server.ServerMetrics;
import io.pushbench.server.log.MessageLog;
import io.pushbench.server.metrics.ServerCounters;
import java.util.function.Supplier;

/** What every handler of one server shares: its config, message log, counters and metrics snapshot. */
public record ServerContext(PushServerConfig config, MessageLog log, ServerCounters counters,
        Supplier<ServerMetrics> metrics) {
}
