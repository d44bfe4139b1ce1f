package io.pushbench.bench.run.servers;

/**
 * A server process that exited while the harness still needed it.
 *
 * @param atNanos {@link System#nanoTime()} when the harness saw it exit
 * @param how     {@code "signal 9"}, or {@code "exit code 1"}
 */
public record ServerExit(long atNanos, String how) {

    /** How a process ended, from its exit value: the JDK reports death by signal N as 128 + N on Linux. */
    public static String describe(int exitValue) {
        return exitValue > 128 && exitValue < 128 + 65 ? "signal " + (exitValue - 128) : "exit code " + exitValue;
    }
}
