package io.pushbench.report;

/**
 * The machine that ran the load generator.
 *
 * @param cpuModel    the CPU model name (from {@code /proc/cpuinfo}), or {@code "unknown"}
 * @param cores       logical processors available to the JVM
 * @param memoryBytes physical memory of the host, bytes (0 = unknown)
 * @param os          the operating system's name and version, e.g. {@code "Debian GNU/Linux 12 (bookworm)"}
 * @param kernel      the kernel release, e.g. {@code "6.1.0-18-amd64"}
 * @param arch        the CPU architecture, e.g. {@code "amd64"}
 */
public record HostInfo(String cpuModel, int cores, long memoryBytes, String os, String kernel, String arch) {
}
