package io.pushbench.bench.run.servers;

import java.io.IOException;

/**
 * The CPU time and resident memory of a server pushbench did not start: read from {@code /proc} for a process on this
 * host ({@link ProcessTreeResources}), or from its Prometheus/OpenMetrics endpoint ({@link OpenMetricsResources}).
 */
public interface ServerResources {

    /** CPU time (user + system) the server has used so far, ns. */
    long cpuNanos() throws IOException;

    /** Resident memory now, bytes. */
    long residentBytes() throws IOException;

    /** How CPU is read, for the report's {@code cpu.serverMethod}. */
    String cpuMethod();

    /** How memory is read, for the report's {@code memory.method}. */
    String memoryMethod();

    /** What the memory figure includes, for the report's {@code memory.note}. */
    String memoryNote();
}
