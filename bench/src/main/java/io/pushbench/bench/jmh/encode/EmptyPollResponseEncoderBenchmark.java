package io.pushbench.bench.jmh.encode;

import io.netty.handler.codec.http.HttpResponseEncoder;
import io.pushbench.bench.jmh.counters.CodecBytesCounter;
import io.pushbench.bench.jmh.wire.EmbeddedWire;
import io.pushbench.server.log.LogRead;
import io.pushbench.server.metrics.TrafficCounters;
import io.pushbench.server.shortpoll.BatchAnswer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/*
 * Why: the waste of polling is the answer that carries nothing. This measures what one empty poll
 * answer (204 No Content with X-Pushbench-Next-After, keep-alive) costs the server to put on the
 * wire, through the server's own BatchAnswer and Netty's real HttpResponseEncoder. No payload
 * parameter: an empty answer has none. The baseline is the EmbeddedChannel harness alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class EmptyPollResponseEncoderBenchmark {
    /** A cursor of constant width (7 digits), like MessageSource's seqs. */
    private static final long CURSOR = 1_234_567L;

    private EmbeddedWire wire;
    private EmbeddedWire passThrough;
    private TrafficCounters serverCounters;
    private final LogRead nothingNew = new LogRead(0, List.of(), CURSOR);

    @Setup(Level.Trial)
    public void setUp() {
        wire = new EmbeddedWire(new HttpResponseEncoder());
        passThrough = new EmbeddedWire();
        serverCounters = new TrafficCounters();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        wire.close();
        passThrough.close();
    }

    /** The harness cost: an empty buffer through an EmbeddedChannel with no encoders. */
    @Benchmark
    public int baseline() {
        return passThrough.writeBytes(io.netty.buffer.Unpooled.EMPTY_BUFFER);
    }

    /** One 204 answer through the server's answer code and the real encoder. */
    @Benchmark
    public int encodeEmptyResponse(CodecBytesCounter counter) {
        BatchAnswer.send(wire.applicationContext(), nothingNew, true, serverCounters);
        int bytes = wire.drainBytes();
        counter.wireBytes += bytes;
        return bytes;
    }

    /*
     * ============================== HOW TO RUN THIS BENCHMARK ==============================
     *
     *   mvn -B -q -pl bench -am package -DskipTests
     *   java -jar bench/target/benchmarks.jar EmptyPollResponseEncoderBenchmark \
     *        -prof io.pushbench.bench.jmh.counters.PerOpProfiler
     *
     * or: java -jar bench/target/pushbench.jar jmh --profile quick EmptyPollResponseEncoderBenchmark
     */
}
