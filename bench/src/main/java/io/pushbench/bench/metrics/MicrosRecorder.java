package io.pushbench.bench.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records microsecond values from any number of threads without contention: each writer thread (an event
 * loop, the publisher) gets its own HdrHistogram {@link SingleWriterRecorder}; one collector thread takes
 * interval histograms of all of them and merges them.
 *
 * <p>Range: 1 µs to {@link #HIGHEST_TRACKABLE_MICROS} (one hour), 3 significant digits. Larger values are
 * recorded as the highest trackable value and counted in {@link #clampedCount()}; negative values as 0.
 *
 * <p>Typical use:
 * <pre>{@code
 * MicrosRecorder latency = new MicrosRecorder();
 * latency.record((receiveNanos - scheduledNanos) / 1000);      // on any event loop
 * Histogram lastSecond = latency.intervalHistogram();           // on the collector, once a second
 * }</pre>
 */
public final class MicrosRecorder {

    /** One hour in microseconds: the highest value every pushbench histogram tracks. */
    public static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.HOURS.toMicros(1);

    /** Significant decimal digits of every pushbench histogram. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private final List<Writer> writers = new CopyOnWriteArrayList<>();
    private final ThreadLocal<SingleWriterRecorder> mine = ThreadLocal.withInitial(this::register);
    private final LongAdder clamped = new LongAdder();

    /** One writer thread's recorder and the histogram the collector recycles for it. */
    private static final class Writer {
        final SingleWriterRecorder recorder = new SingleWriterRecorder(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
        Histogram recycled;
    }

    /** A new, empty histogram with pushbench's range and precision. */
    public static Histogram newHistogram() {
        return new Histogram(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
    }

    private SingleWriterRecorder register() {
        Writer w = new Writer();
        writers.add(w);
        return w.recorder;
    }

    /** Records one value, µs; wait-free for the calling thread. */
    public void record(long micros) {
        long v = micros;
        if (v > HIGHEST_TRACKABLE_MICROS) {
            v = HIGHEST_TRACKABLE_MICROS;
            clamped.increment();
        } else if (v < 0) {
            v = 0;
        }
        mine.get().recordValue(v);
    }

    /**
     * Everything recorded since the previous call (or since creation), merged over all writer threads. Call
     * from one collector thread only.
     */
    public synchronized Histogram intervalHistogram() {
        Histogram merged = newHistogram();
        for (Writer w : writers) {
            w.recycled = w.recorder.getIntervalHistogram(w.recycled);
            merged.add(w.recycled);
        }
        return merged;
    }

    /** Values above the range, recorded as {@link #HIGHEST_TRACKABLE_MICROS}. */
    public long clampedCount() {
        return clamped.sum();
    }
}
