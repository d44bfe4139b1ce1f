package io.pushbench.bench.run.servers;

/**
 * The server's own counters for one strategy, plus its threads' CPU time, at one moment.
 *
 * @param requests          requests routed to the strategy
 * @param emptyResponses    answers that carried no message
 * @param bytesRead         bytes the server's sockets read for the strategy
 * @param bytesWritten      bytes the server's sockets wrote for the strategy
 * @param openConnections   connections of the strategy open now
 * @param serverCpuNanos    CPU time of the server's threads so far, ns; -1 when not measurable
 * @param messagesDelivered messages the server wrote completely to its sockets; -1 when it does not say
 * @param deliveryWrites    the writes that carried them (a batch of frames or events, a poll's answer); -1 when the
 *                          server does not say
 */
public record ServerCounts(long requests, long emptyResponses, long bytesRead, long bytesWritten, long openConnections,
                           long serverCpuNanos, long messagesDelivered, long deliveryWrites) {

    /** All zero: the sum of no servers. */
    public static final ServerCounts NONE = new ServerCounts(0, 0, 0, 0, 0, 0, 0, 0);

    /** This minus an earlier reading (open connections kept). */
    public ServerCounts minus(ServerCounts earlier) {
        return new ServerCounts(requests - earlier.requests, emptyResponses - earlier.emptyResponses,
                bytesRead - earlier.bytesRead, bytesWritten - earlier.bytesWritten, openConnections,
                known(serverCpuNanos, earlier.serverCpuNanos, serverCpuNanos - earlier.serverCpuNanos),
                known(messagesDelivered, earlier.messagesDelivered, messagesDelivered - earlier.messagesDelivered),
                known(deliveryWrites, earlier.deliveryWrites, deliveryWrites - earlier.deliveryWrites));
    }

    /** This plus another server's reading at the same moment (several instances behind one target). */
    public ServerCounts plus(ServerCounts other) {
        return new ServerCounts(requests + other.requests, emptyResponses + other.emptyResponses,
                bytesRead + other.bytesRead, bytesWritten + other.bytesWritten, openConnections + other.openConnections,
                known(serverCpuNanos, other.serverCpuNanos, serverCpuNanos + other.serverCpuNanos),
                known(messagesDelivered, other.messagesDelivered, messagesDelivered + other.messagesDelivered),
                known(deliveryWrites, other.deliveryWrites, deliveryWrites + other.deliveryWrites));
    }

    /** This server's reading with its connections not counted (an instance that was killed). */
    public ServerCounts withoutConnections() {
        return new ServerCounts(requests, emptyResponses, bytesRead, bytesWritten, 0, serverCpuNanos, messagesDelivered,
                deliveryWrites);
    }

    /** Messages per delivering write over these counts, or {@code null} when unknown or nothing was delivered. */
    public Double messagesPerDeliveryWrite() {
        return messagesDelivered < 0 || deliveryWrites <= 0 ? null : messagesDelivered / (double) deliveryWrites;
    }

    private static long known(long a, long b, long result) {
        return a < 0 || b < 0 ? -1 : result;
    }
}
