package io.pushbench.bench.run.servers;

/**
 * The server's own counters for one strategy, plus its threads' CPU time, at one moment.
 *
 * @param requests       requests routed to the strategy
 * @param emptyResponses answers that carried no message
 * @param bytesRead      bytes the server's sockets read for the strategy
 * @param bytesWritten   bytes the server's sockets wrote for the strategy
 * @param openConnections connections of the strategy open now
 * @param serverCpuNanos CPU time of the server's threads so far, ns; -1 when not measurable
 */
public record ServerCounts(long requests, long emptyResponses, long bytesRead, long bytesWritten, long openConnections,
                           long serverCpuNanos) {

    /** This minus an earlier reading (open connections kept). */
    public ServerCounts minus(ServerCounts earlier) {
        return new ServerCounts(requests - earlier.requests, emptyResponses - earlier.emptyResponses,
                bytesRead - earlier.bytesRead, bytesWritten - earlier.bytesWritten, openConnections,
                serverCpuNanos < 0 || earlier.serverCpuNanos < 0 ? -1 : serverCpuNanos - earlier.serverCpuNanos);
    }
}
