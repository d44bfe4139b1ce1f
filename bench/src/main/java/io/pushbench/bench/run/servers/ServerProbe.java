package io.pushbench.bench.run.servers;

import io.pushbench.model.Strategy;
import io.pushbench.report.GcFigures;

/**
 * What the load generator can learn from the server besides its answers. Each method may say "not available"
 * (null); the report then states it.
 */
public interface ServerProbe {

    /** The server's counters for one strategy now, or null when this target exposes none. */
    ServerCounts counts(Strategy strategy);

    /** How server CPU is measured, or {@code "unavailable"}. */
    String cpuMethod();

    /** The server's memory after GC, or null when it cannot be measured. */
    MemoryReading memoryAfterGc();

    /** How memory is measured and what it includes, or why it is unavailable. */
    String memoryMethod();

    /** A note on what the memory figure includes, or null. */
    String memoryNote();

    /** Starts counting GC pauses (the measured window starts). */
    void gcWindowStart();

    /** GC pauses since {@link #gcWindowStart()}. */
    GcFigures gcWindowFigures();

    /**
     * The server's CPU time so far, ns, when it is read apart from {@link #counts} (an external server's
     * {@code --server-pid} or metrics endpoint); else null.
     */
    default Long cpuNanos() {
        return null;
    }

    /**
     * Whether memory without clients is read before they connect rather than after they closed: for resident
     * memory, which the server's allocator keeps after the clients left.
     */
    default boolean baselineBeforeClients() {
        return false;
    }

    /** The server process's exit, when this target started it and it has exited; else null. */
    default ServerExit exit() {
        return null;
    }
}
