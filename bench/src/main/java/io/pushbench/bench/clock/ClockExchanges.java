package io.pushbench.bench.clock;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a bounded number of clock exchanges spread evenly over a span of time, either on the caller's thread or on a
 * thread of its own ({@code pushbench-clock}, outside the load generator's CPU accounting), and never past the span's
 * end: no exchange starts after it, and each one's timeout ends with it.
 *
 * <p>Typical use (during a warm-up that must not be stretched):
 * <pre>{@code
 * try (ClockExchanges clock = ClockExchanges.start(endpoint, estimator, 20, warmupEndNanos)) {
 *     ... warm-up, measured window ...
 * }   // joins the thread
 * }</pre>
 */
public final class ClockExchanges implements AutoCloseable {

    /** The thread name of {@link #start}. */
    public static final String THREAD_NAME = "pushbench-clock";

    /** Exchanges need not wait longer than this, however long the span. */
    private static final Duration MAX_EXCHANGE_TIMEOUT = Duration.ofSeconds(2);

    private final Thread thread;

    private ClockExchanges(Thread thread) {
        this.thread = thread;
    }

    /**
     * Starts {@code count} exchanges spread over now .. {@code untilNanos} on a thread of its own.
     *
     * @param count      exchanges to make, at least 1
     * @param untilNanos {@link System#nanoTime()} by which the last exchange has finished
     */
    public static ClockExchanges start(ClockEndpoint endpoint, ClockOffsetEstimator into, int count, long untilNanos) {
        Thread thread = new Thread(() -> run(endpoint, into, count, untilNanos), THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
        return new ClockExchanges(thread);
    }

    /**
     * Makes {@code count} exchanges spread over now .. {@code untilNanos} on this thread; returns when done or past it.
     *
     * @param count      exchanges to make, at least 1
     * @param untilNanos {@link System#nanoTime()} by which the last exchange has finished
     */
    public static void run(ClockEndpoint endpoint, ClockOffsetEstimator into, int count, long untilNanos) {
        run(endpoint, into, count, Math.max(0, (untilNanos - System.nanoTime()) / Math.max(1, count)), untilNanos);
    }

    /**
     * Makes {@code count} exchanges {@code spacingNanos} apart on this thread, none past {@code untilNanos}.
     *
     * @param spacingNanos from the start of one exchange to the next, ns; 0 = back to back
     */
    public static void run(ClockEndpoint endpoint, ClockOffsetEstimator into, int count, long spacingNanos,
                           long untilNanos) {
        long startNanos = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long dueNanos = startNanos + i * spacingNanos;
            long waitNanos = dueNanos - System.nanoTime();
            if (waitNanos > 0) {
                LockSupport.parkNanos(waitNanos);
            }
            long leftNanos = untilNanos - System.nanoTime();
            if (leftNanos <= TimeUnit.MILLISECONDS.toNanos(1) || Thread.currentThread().isInterrupted()) {
                return;
            }
            Duration timeout = Duration.ofNanos(Math.min(leftNanos, MAX_EXCHANGE_TIMEOUT.toNanos()));
            into.add(endpoint, endpoint.exchange(timeout));
        }
    }

    /** Waits for the exchanges to end (they end by their span's end, or by their timeout shortly after). */
    @Override
    public void close() {
        try {
            thread.join(MAX_EXCHANGE_TIMEOUT.toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
