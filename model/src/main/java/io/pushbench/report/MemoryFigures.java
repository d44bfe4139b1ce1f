package io.pushbench.report;

/**
 * Server memory per open connection: heap and direct memory after GC with many idle connections, minus the
 * same with none, divided by the connections.
 *
 * @param available                whether memory was measured
 * @param method                   how, e.g. {@code "jvm-after-gc:fork"}; {@code "unavailable"} when not measured
 * @param unavailableReason        why not, or {@code null}
 * @param note                     what the figure includes (e.g. client-side objects when server and clients share a JVM), or {@code null}
 * @param idleConnections          connections open during the measurement
 * @param heapBaselineBytes        heap used after GC with no client connection, bytes
 * @param heapWithConnectionsBytes heap used after GC with the idle connections open, bytes
 * @param directBaselineBytes      direct (off-heap buffer) memory used with no connection, bytes
 * @param directWithConnectionsBytes direct memory used with the idle connections open, bytes
 * @param heapBytesPerConnection   {@code (heapWithConnections − heapBaseline) / idleConnections}
 * @param directBytesPerConnection {@code (directWithConnections − directBaseline) / idleConnections}
 */
public record MemoryFigures(
        boolean available,
        String method,
        String unavailableReason,
        String note,
        Integer idleConnections,
        Long heapBaselineBytes,
        Long heapWithConnectionsBytes,
        Long directBaselineBytes,
        Long directWithConnectionsBytes,
        Double heapBytesPerConnection,
        Double directBytesPerConnection) {

    /** Memory that could not be measured, with the reason stated. */
    public static MemoryFigures unavailable(String reason) {
        return new MemoryFigures(false, "unavailable", reason, null, null, null, null, null, null, null, null);
    }
}
