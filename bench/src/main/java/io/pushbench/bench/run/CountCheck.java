package io.pushbench.bench.run;

import io.pushbench.bench.client.ClientGroup;
import io.pushbench.bench.client.ClientGroupSnapshot;
import io.pushbench.bench.run.servers.ServerCounts;
import io.pushbench.bench.run.servers.ServerProbe;
import io.pushbench.model.Direction;
import io.pushbench.model.Strategy;

import java.util.List;

/**
 * The exact cross-check of every strategy run against a pushbench server: once all clients have closed and the
 * server has seen every connection close, the bytes the clients' sockets wrote and read, and the requests they
 * sent, must equal the server's own counts for the strategy, byte for byte.
 *
 * @param strategy           the strategy checked
 * @param available          whether the server exposes counters (false for external targets)
 * @param clientUpBytes      bytes the clients' sockets wrote over the whole strategy run
 * @param clientDownBytes    bytes the clients' sockets read
 * @param clientRequests     requests the clients sent
 * @param serverReadBytes    bytes the server's sockets read for the strategy (-1 when unavailable)
 * @param serverWrittenBytes bytes the server's sockets wrote for the strategy (-1 when unavailable)
 * @param serverRequests     requests the server counted for the strategy (-1 when unavailable)
 * @param forcedCloses       connections the clients closed after waiting {@code closeWaitMillis} for the server to
 *                           end them (what the server wrote to them afterwards was never read)
 * @param closeWaitMillis    how long the clients waited for the server to end each connection
 */
public record CountCheck(io.pushbench.model.Strategy strategy, boolean available, long clientUpBytes, long clientDownBytes, long clientRequests,
                  long serverReadBytes, long serverWrittenBytes, long serverRequests, long forcedCloses,
                  long closeWaitMillis) {

    private static final long CLOSE_WAIT_NANOS = 10_000_000_000L;

    static CountCheck afterClose(Strategy strategy, ClientGroup group, ServerProbe probe) {
        return afterClose(strategy, group, probe, java.time.Duration.ofNanos(CLOSE_WAIT_NANOS));
    }

    /** The clients' totals only (a shard that does not read the server: the publishing shard does). */
    static CountCheck clientsOnly(Strategy strategy, ClientGroup group) {
        ClientGroupSnapshot clients = group.snapshot();
        return new CountCheck(strategy, false, clients.bytes().socketBytes(Direction.UP),
                clients.bytes().socketBytes(Direction.DOWN), clients.requests(), -1, -1, -1, group.forcedCloses(),
                group.closeWaitMillis());
    }

    /** The same figures, not judged here (a shard's: the sums over all shards are checked by {@code merge}). */
    CountCheck judgedElsewhere() {
        return new CountCheck(strategy, false, clientUpBytes, clientDownBytes, clientRequests, serverReadBytes,
                serverWrittenBytes, serverRequests, forcedCloses, closeWaitMillis);
    }

    /** @param closeWait how long to wait for the server to see every connection of the strategy closed */
    static CountCheck afterClose(Strategy strategy, ClientGroup group, ServerProbe probe, java.time.Duration closeWait) {
        ClientGroupSnapshot clients = group.snapshot();
        ServerCounts server = probe.counts(strategy);
        long deadline = System.nanoTime() + closeWait.toNanos();
        while (server != null && server.openConnections() > 0 && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            server = probe.counts(strategy);
        }
        if (server == null) {
            return new CountCheck(strategy, false, clients.bytes().socketBytes(Direction.UP),
                    clients.bytes().socketBytes(Direction.DOWN), clients.requests(), -1, -1, -1, group.forcedCloses(),
                    group.closeWaitMillis());
        }
        return new CountCheck(strategy, true, clients.bytes().socketBytes(Direction.UP), clients.bytes().socketBytes(Direction.DOWN),
                clients.requests(), server.bytesRead(), server.bytesWritten(), server.requests(), group.forcedCloses(),
                group.closeWaitMillis());
    }

    /** The totals as the report keeps them (the server's null when it has no counters). */
    public io.pushbench.report.ExactCounts exactCounts() {
        return new io.pushbench.report.ExactCounts(clientUpBytes, clientDownBytes, clientRequests,
                available ? serverReadBytes : null, available ? serverWrittenBytes : null, available ? serverRequests : null);
    }

    /** Why the counts disagree; empty when they agree exactly or the server has no counters. */
    public List<String> reasons() {
        List<String> reasons = new java.util.ArrayList<>(exactCounts().disagreements());
        if (!reasons.isEmpty() && forcedCloses > 0) {
            reasons.add(forcedCloses + " connections were closed by the clients after waiting " + closeWaitMillis
                    + " ms for the server to end them: what the server wrote to them afterwards was never read");
        }
        return reasons;
    }
}
