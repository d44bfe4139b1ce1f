package io.pushbench.bench.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The load generator's control measurement, in the spirit of jHiccup: a short timer task on each client event
 * loop that records how late it ran. A loop busy with clients (or a JVM paused by GC, or starved of CPU) runs
 * the task late; that lateness is time every client on that loop waited too, so a large stall means the load
 * generator, not the server, may have been the bottleneck.
 *
 * <p>Each run records {@code actual − expected} start time in µs into {@link #stallMicros()}. The floor of the
 * measurement is the timer granularity of the event loop (tens of µs with epoll, up to ~1 ms with NIO).
 *
 * <p>Typical use:
 * <pre>{@code
 * StallProbe probe = StallProbe.start(List.of(), 1, TimeUnit.MILLISECONDS);
 * probe.watch(eventLoop);                    // e.g. when the first client on that loop connects
 * ... run ...
 * Histogram stalls = probe.stallMicros().intervalHistogram();
 * probe.close();
 * }</pre>
 */
public final class StallProbe implements AutoCloseable {

    private final MicrosRecorder stallMicros = new MicrosRecorder();
    private final Map<ScheduledExecutorService, Tick> ticks = new ConcurrentHashMap<>();
    private final long periodNanos;
    private volatile boolean closed;

    private StallProbe(long periodNanos) {
        this.periodNanos = periodNanos;
    }

    /**
     * Starts one probe task per executor.
     *
     * @param executors the event loops to watch
     * @param period    the time between probes, &gt; 0 (1 ms is usual)
     */
    public static StallProbe start(List<? extends ScheduledExecutorService> executors, long period, TimeUnit unit) {
        StallProbe probe = new StallProbe(unit.toNanos(period));
        for (ScheduledExecutorService executor : executors) {
            probe.watch(executor);
        }
        return probe;
    }

    /** Starts probing one more executor; an executor already probed is left alone. Thread-safe. */
    public void watch(ScheduledExecutorService executor) {
        if (closed || ticks.containsKey(executor)) {
            return;
        }
        ticks.computeIfAbsent(executor, e -> {
            Tick tick = new Tick(e);
            tick.schedule();
            return tick;
        });
    }

    /** Lateness of every probe, µs. */
    public MicrosRecorder stallMicros() {
        return stallMicros;
    }

    @Override
    public void close() {
        closed = true;
        for (Tick t : ticks.values()) {
            t.cancel();
        }
    }

    /** One probe chain, confined to its executor. */
    private final class Tick implements Runnable {
        private final ScheduledExecutorService executor;
        private volatile ScheduledFuture<?> future;
        private long expectedNanos;

        Tick(ScheduledExecutorService executor) {
            this.executor = executor;
        }

        void schedule() {
            if (closed || executor.isShutdown()) {
                return;
            }
            expectedNanos = System.nanoTime() + periodNanos;
            future = executor.schedule(this, periodNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void run() {
            stallMicros.record((System.nanoTime() - expectedNanos) / 1000);
            schedule();
        }

        void cancel() {
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }
    }
}
