package io.pushbench.bench.client;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns connect and I/O failures caused by exhausted resources into messages naming the limit and how to raise it:
 * open files (EMFILE/ENFILE), ephemeral ports (EADDRNOTAVAIL) and memory (heap or direct).
 */
public final class ResourceLimitDiagnosis {
    // read once, up front: when the limit is hit, opening /proc files or loading classes may fail too
    private static final String OPEN_FILES_LIMIT = openFilesLimit();
    private static final String PORT_RANGE = portRange();

    private ResourceLimitDiagnosis() {
    }

    /**
     * Reads the limits and loads what the error path needs while files can still be opened. The engine calls it at
     * start; it also warms up the JDK's time zone data, which {@code java.util.logging} loads lazily from a file on
     * its first log record (Netty's own warnings would otherwise fail when no file can be opened).
     */
    static void prepare() {
        java.time.ZonedDateTime.now();
        java.util.TimeZone.getDefault();
    }

    /**
     * Describes a resource-limit failure, or returns null when {@code cause} is not one.
     *
     * @param localAddress the source address the connection was bound to (null when not bound)
     */
    public static String limitMessage(Throwable cause, InetSocketAddress localAddress) {
        for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return "memory exhausted (" + t + "): raise the heap with -Xmx or direct memory with "
                        + "-XX:MaxDirectMemorySize (Netty: -Dio.netty.maxDirectMemory), or run fewer clients per process";
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("Too many open files")) {
                return "open files limit reached (EMFILE/ENFILE: " + m + "); this process may hold " + OPEN_FILES_LIMIT
                        + " files: raise it with 'ulimit -n N' up to the hard limit ('ulimit -Hn'), run fewer clients, or "
                        + "run the server in its own process (--server fork) so server and clients do not share one limit";
            }
            if (m.contains("Cannot assign requested address")) {
                return "ephemeral ports exhausted (EADDRNOTAVAIL: " + m + ") for source address "
                        + (localAddress == null ? "(unbound)" : localAddress.getAddress().getHostAddress())
                        + "; each source address has the ports of net.ipv4.ip_local_port_range (" + PORT_RANGE
                        + "): spread over more loopback source addresses (ClientEngineConfig.sourceAddressCount) or "
                        + "widen the range with 'sysctl -w net.ipv4.ip_local_port_range=\"1024 65535\"'";
            }
        }
        return null;
    }

    /** A one-line description of any failure: the limit message when it is one, else the exception. */
    public static String describe(Throwable cause, InetSocketAddress localAddress) {
        String limit = limitMessage(cause, localAddress);
        return limit != null ? limit : String.valueOf(cause);
    }

    private static String openFilesLimit() {
        try {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
                return "at most " + unix.getMaxFileDescriptorCount();
            }
        } catch (RuntimeException | LinkageError e) {
            // fall through: the limit is unknown
        }
        return "a limited number of";
    }

    private static String portRange() {
        try {
            return Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().replace('\t', '-');
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
