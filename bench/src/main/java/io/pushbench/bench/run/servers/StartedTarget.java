package io.pushbench.bench.run.servers;

import io.pushbench.bench.client.ClientTarget;
import io.pushbench.bench.workload.PublishTarget;

/**
 * A server ready for one strategy run.
 *
 * @param clients     where the clients connect
 * @param publish     where messages are published
 * @param host        the server's host (for the kernel socket counters)
 * @param port        the server's port the clients connect to
 * @param topicPrefix prefix of every topic name in this run (empty for a fresh server)
 * @param probe       the server's counters, CPU, memory and GC
 * @param closer      stops the server (no-op for external servers)
 */
public record StartedTarget(ClientTarget clients, PublishTarget publish, String host, int port, String topicPrefix,
                            ServerProbe probe, AutoCloseable closer) implements AutoCloseable {

    /** Stops the server; a failure to stop is reported, not hidden. */
    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the server failed: " + e.getMessage(), e);
        }
    }
}
