package io.pushbench.bench.jmh.decode;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.pushbench.bench.workload.PayloadHeader;
import io.pushbench.bench.workload.PayloadHeaderReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/*
 * Why: the load generator reads the printable header of every delivered payload
 * ("pb1 <topic> <seq> <scheduledNanos> <sendNanos> ...") to record latency from the scheduled and
 * from the actual send time. With a million deliveries a second that read is on the hot path of every
 * strategy, so it is measured on its own: one payload in a direct buffer (as the client's socket reads
 * deliver it), both times read as the run's DeliveryRecorder reads them. Payloads differ in their
 * numbers (seq and times grow as in a run), so nothing is constant-folded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class PayloadHeaderBenchmark {
    private static final int PAYLOADS = 1024;

    @Param({"64", "1024"})
    public int payloadBytes;

    private final PayloadHeaderReader header = new PayloadHeaderReader();
    private ByteBuf[] payloads;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        PayloadHeader header = new PayloadHeader(payloadBytes, 1);
        payloads = new ByteBuf[PAYLOADS];
        for (int i = 0; i < PAYLOADS; i++) {
            long scheduledNanos = 5_000_000_000L + i * 1_000_000L;
            byte[] payload = header.encode("t0", 1_000_000 + i, scheduledNanos, scheduledNanos + 12_345 + i);
            payloads[i] = PooledByteBufAllocator.DEFAULT.directBuffer(payloadBytes).writeBytes(payload);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (ByteBuf b : payloads) {
            b.release();
        }
    }

    /** The harness cost: picking the next payload. */
    @Benchmark
    public int baseline() {
        return nextPayload().readableBytes();
    }

    /** The scheduled and the send time of one payload, one static call each; returns their sum. */
    @Benchmark
    public long readTimes() {
        ByteBuf payload = nextPayload();
        return PayloadHeader.scheduledNanos(payload) + PayloadHeader.sendNanos(payload);
    }

    /**
     * Both times in one pass, as the run's DeliveryRecorder reads them; returns their sum. The reader is held here:
     * on an event loop its thread-local is an array read, on a JMH thread it would be a slower map lookup.
     */
    @Benchmark
    public long readTimesOnePass() {
        header.read(nextPayload());
        return header.scheduledNanos() + header.sendNanos();
    }

    private ByteBuf nextPayload() {
        ByteBuf b = payloads[next];
        next = (next + 1) % PAYLOADS;
        return b;
    }

    /*
     * ============================== HOW TO RUN THIS BENCHMARK ==============================
     *
     *   mvn -B -q -pl bench -am package -DskipTests
     *   java -jar bench/target/benchmarks.jar PayloadHeaderBenchmark -p payloadBytes=64
     *
     * or: java -jar bench/target/pushbench.jar jmh --profile quick PayloadHeaderBenchmark
     */
}
