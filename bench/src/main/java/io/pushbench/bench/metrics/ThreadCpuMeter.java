package io.pushbench.bench.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of a group of threads, chosen by name prefix, from {@link ThreadMXBean}: how the load generator's
 * CPU ({@code pushbench-client-*}, {@code pushbench-publisher*}) is told apart from the server's
 * ({@code pushbench-server-*}) when both run in one JVM.
 *
 * <p>Threads that end between two snapshots lose the CPU they used since the first one; the event-loop
 * threads measured here live for the whole run.
 *
 * <p>Typical use:
 * <pre>{@code
 * ThreadCpuMeter clients = new ThreadCpuMeter(List.of("pushbench-client-", "pushbench-publisher"));
 * ThreadCpuMeter.Snapshot start = clients.snapshot();
 * ... measured window ...
 * long cpuMicros = clients.snapshot().microsSince(start);
 * }</pre>
 */
public final class ThreadCpuMeter {

    private final ThreadMXBean threads;
    private final List<String> namePrefixes;

    /** A meter over this JVM's threads whose names start with one of the prefixes. */
    public ThreadCpuMeter(List<String> namePrefixes) {
        this(ManagementFactory.getThreadMXBean(), namePrefixes);
    }

    ThreadCpuMeter(ThreadMXBean threads, List<String> namePrefixes) {
        this.threads = threads;
        this.namePrefixes = List.copyOf(namePrefixes);
    }

    /** Whether this JVM can measure per-thread CPU time at all. */
    public boolean supported() {
        return threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
    }

    /** How the figure is measured, for the report: {@code thread-cpu:<prefix>*,...}. */
    public String method() {
        StringBuilder sb = new StringBuilder("thread-cpu:");
        for (int i = 0; i < namePrefixes.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(namePrefixes.get(i)).append('*');
        }
        return sb.toString();
    }

    /** The CPU time of every matching live thread now. */
    public Snapshot snapshot() {
        Map<Long, Long> cpuNanos = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null || !matches(info.getThreadName())) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                cpuNanos.put(info.getThreadId(), cpu);
            }
        }
        return new Snapshot(cpuNanos);
    }

    private boolean matches(String name) {
        for (String p : namePrefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** CPU nanoseconds per thread id at one moment. */
    public static final class Snapshot {
        private final Map<Long, Long> cpuNanos;

        Snapshot(Map<Long, Long> cpuNanos) {
            this.cpuNanos = cpuNanos;
        }

        /** CPU time used since {@code earlier} by the threads of this snapshot, µs (new threads from 0). */
        public long microsSince(Snapshot earlier) {
            long total = 0;
            for (Map.Entry<Long, Long> e : cpuNanos.entrySet()) {
                total += e.getValue() - earlier.cpuNanos.getOrDefault(e.getKey(), 0L);
            }
            return total / 1000;
        }

        /** Threads measured. */
        public int threads() {
            return cpuNanos.size();
        }
    }
}
