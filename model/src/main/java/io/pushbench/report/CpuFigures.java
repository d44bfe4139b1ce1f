package io.pushbench.report;

/**
 * CPU time spent in the measured window by the server and by the load generator, separately.
 *
 * @param serverMethod               how server CPU was measured, e.g. {@code "thread-cpu:pushbench-server-*"}
 *                                   (embedded: per-thread CPU of the server's threads) or {@code "process-cpu:fork"}
 *                                   (the forked server JVM's process CPU); {@code "unavailable"} for external targets
 * @param serverCpuMicros            server CPU time in the window, µs, or {@code null} when unavailable
 * @param serverCpuMicrosPerDelivery {@code serverCpuMicros} / deliveries received in the window, or {@code null}
 * @param clientMethod               how load-generator CPU was measured, e.g. {@code "thread-cpu:pushbench-client-*,pushbench-publisher"}
 * @param clientCpuMicros            load-generator CPU time in the window (clients and publisher), µs
 * @param clientCpuMicrosPerDelivery {@code clientCpuMicros} / deliveries received in the window, or {@code null}
 * @param serverMessagesPerWrite     messages the server delivered in the window / the writes that carried them (a
 *                                   batch of WebSocket frames or SSE events, a poll's answer is one write): 1.0 when
 *                                   every message went out in a write of its own, above 1 when connections were
 *                                   behind and the server sent several per write, which also lowers
 *                                   {@code serverCpuMicrosPerDelivery}; {@code null} when the server does not count
 *                                   writes (external servers without pushbench's {@code /metrics}, reports before
 *                                   schema version 7) or delivered nothing
 */
public record CpuFigures(
        String serverMethod,
        Long serverCpuMicros,
        Double serverCpuMicrosPerDelivery,
        String clientMethod,
        long clientCpuMicros,
        Double clientCpuMicrosPerDelivery,
        Double serverMessagesPerWrite) {
}
