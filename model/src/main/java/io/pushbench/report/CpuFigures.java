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
 */
public record CpuFigures(
        String serverMethod,
        Long serverCpuMicros,
        Double serverCpuMicrosPerDelivery,
        String clientMethod,
        long clientCpuMicros,
        Double clientCpuMicrosPerDelivery) {
}
