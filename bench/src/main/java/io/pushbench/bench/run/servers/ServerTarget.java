package io.pushbench.bench.run.servers;

import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;

import java.io.IOException;

/** Provides a server for each strategy run: a fresh embedded or forked one, or an external one. */
public interface ServerTarget {

    /** {@code embedded}, {@code fork} or {@code external}. */
    String mode();

    /**
     * A server ready for a run of {@code strategy} under {@code workload}.
     *
     * @param runIndex 0-based index of this strategy run in the whole run (topic prefixes for external servers)
     * @throws IOException with a message naming what failed (the server did not start, cannot be reached)
     */
    StartedTarget start(Strategy strategy, WorkloadParameters workload, int runIndex) throws IOException;

    /**
     * Called once before the run's first strategy run, with the run's id (an external server names its topics by it,
     * so that a second run against the same server does not meet the first run's topics).
     */
    default void runStarts(String runId) {
    }

    /** The server options in effect (name → value), for the report; empty for external targets. */
    java.util.Map<String, String> serverOptions();

    /** The emulated network between the clients and this server ({@code --network}), or null for none. */
    default io.pushbench.report.NetworkCondition network() {
        return null;
    }
}
