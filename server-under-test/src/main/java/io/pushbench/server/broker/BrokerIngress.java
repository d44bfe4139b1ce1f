package io.pushbench.server.broker;

import io.pushbench.model.WallClock;
import io.pushbench.server.log.MessageLog;
import io.pushbench.server.log.TooManyTopicsException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Where a broker hands this instance what it delivers: appends each message at its broker-assigned seq to the
 * local log (whose subscribers fan it out), and counts what came, what was a duplicate, which seqs never came
 * (gaps, which readers get as loss notices), the hop latency and the time the broker connection was down.
 *
 * <p>Thread-safe: the brokers call it from their own I/O or listener thread.
 */
public final class BrokerIngress {

    /** Hop latencies above this are recorded as this (an hour, in microseconds). */
    private static final long MAX_HOP_MICROS = 3_600_000_000L;

    private final MessageLog log;
    private final LongAdder published = new LongAdder();
    private final LongAdder publishFailed = new LongAdder();
    private final LongAdder received = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder skippedSeqs = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder disconnects = new LongAdder();
    private final LongAdder disconnectedMicros = new LongAdder();
    private final AtomicLong downSinceEpochMicros = new AtomicLong();   // 0 = connected
    private final AtomicLong lastGapStartEpochMicros = new AtomicLong();
    private final AtomicLong lastGapEndEpochMicros = new AtomicLong();
    private final Recorder hopRecorder = new Recorder(3);
    private final Histogram hopTotal = new Histogram(MAX_HOP_MICROS, 3);   // guarded by itself

    public BrokerIngress(MessageLog log) {
        this.log = log;
    }

    /**
     * A message the broker delivered.
     *
     * @param acceptedEpochMicros when the publishing instance accepted it (0 = unknown: no hop recorded)
     */
    public void deliver(String topic, long seq, long acceptedEpochMicros, byte[] payload) {
        long now = WallClock.nowEpochMicros();
        received.increment();
        if (acceptedEpochMicros > 0) {
            hopRecorder.recordValue(Math.min(MAX_HOP_MICROS, Math.max(0, now - acceptedEpochMicros)));
        }
        long skipped;
        try {
            skipped = log.topic(topic).appendAt(seq, payload);
        } catch (TooManyTopicsException | IllegalArgumentException e) {
            dropped.increment();
            return;
        }
        if (skipped < 0) {
            duplicates.increment();
        } else if (skipped > 0) {
            skippedSeqs.add(skipped);
        }
    }

    /** The broker delivered something that is not a message of this format (another program's, on our names). */
    public void deliveredMalformed() {
        dropped.increment();
    }

    /** The publish of a message was taken by the broker. */
    public void published() {
        published.increment();
    }

    /** The broker did not take a publish. */
    public void publishFailed() {
        publishFailed.increment();
    }

    /** The connection that delivers messages was lost; what is published until {@link #reconnected()} may be missed. */
    public void disconnected() {
        if (downSinceEpochMicros.compareAndSet(0, WallClock.nowEpochMicros())) {
            disconnects.increment();
        }
    }

    /** The connection that delivers messages is back (subscribed again). */
    public void reconnected() {
        long since = downSinceEpochMicros.getAndSet(0);
        if (since != 0) {
            long now = WallClock.nowEpochMicros();
            disconnectedMicros.add(now - since);
            lastGapStartEpochMicros.set(since);
            lastGapEndEpochMicros.set(now);
        }
    }

    /** A snapshot of the counters, with the hop latency histogram since start. */
    public BrokerMetrics snapshot(BrokerKind kind) {
        Histogram hop;
        synchronized (hopTotal) {
            hopTotal.add(hopRecorder.getIntervalHistogram());
            hop = hopTotal.copy();
        }
        long since = downSinceEpochMicros.get();
        long downNow = since == 0 ? 0 : WallClock.nowEpochMicros() - since;
        return new BrokerMetrics(kind.scheme(), published.sum(), publishFailed.sum(), received.sum(), duplicates.sum(),
                skippedSeqs.sum(), dropped.sum(), disconnects.sum(), since != 0, disconnectedMicros.sum() + downNow,
                lastGapStartEpochMicros.get(), lastGapEndEpochMicros.get(), hop);
    }
}
