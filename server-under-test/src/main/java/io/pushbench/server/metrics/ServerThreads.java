package io.pushbench.server.metrics;

import io.netty.util.concurrent.FastThreadLocalThread;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the server's threads, all named {@code pushbench-server-<role>-<n>}, and measures the CPU time
 * they used (ThreadMXBean, per thread, summed), so a load generator in the same JVM can tell the server's
 * CPU from its own.
 */
public final class ServerThreads {

    /** Every server thread's name starts with this. */
    public static final String NAME_PREFIX = "pushbench-server-";

    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();

    public ServerThreads() {
        if (threadBean.isThreadCpuTimeSupported() && !threadBean.isThreadCpuTimeEnabled()) {
            threadBean.setThreadCpuTimeEnabled(true);
        }
    }

    /** A factory of daemon threads named {@code pushbench-server-<role>-<n>}. */
    public ThreadFactory factory(String role) {
        AtomicInteger next = new AtomicInteger();
        return runnable -> {
            Thread t = new FastThreadLocalThread(runnable, NAME_PREFIX + role + "-" + next.incrementAndGet());
            t.setDaemon(true);
            threads.add(t);
            return t;
        };
    }

    /**
     * The CPU time used so far by this server's live threads, in nanoseconds; -1 when the JVM cannot
     * measure thread CPU time.
     */
    public long cpuNanos() {
        if (!threadBean.isThreadCpuTimeSupported()) {
            return -1;
        }
        long sum = 0;
        for (Thread t : threads) {
            long nanos = threadBean.getThreadCpuTime(t.getId());
            if (nanos > 0) {
                sum += nanos;
            }
        }
        return sum;
    }

    /** How many threads this server has made. */
    public int threadCount() {
        return threads.size();
    }
}
