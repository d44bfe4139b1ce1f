package io.pushbench.bench.jmh.counters;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts the wire bytes an encode or decode benchmark produced or consumed, so the JSON shows how big
 * each strategy's encoding of the same message is beside how long it took.
 *
 * <p>Typical use, in a benchmark method: {@code counter.wireBytes += out.readableBytes();}. JMH reports
 * the total over the measured iterations as {@code wireBytes}; with {@code -prof
 * io.pushbench.bench.jmh.counters.PerOpProfiler} it also reports {@code wireBytesPerOp} in B/op.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class CodecBytesCounter {
    /** Bytes on the wire for the messages of this iteration (headers and framing included). */
    public long wireBytes;

    @Setup(Level.Iteration)
    public void reset() {
        wireBytes = 0;
    }
}
