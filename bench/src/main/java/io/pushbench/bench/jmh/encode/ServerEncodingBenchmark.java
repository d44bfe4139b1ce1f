package io.pushbench.bench.jmh.encode;

import io.netty.buffer.Unpooled;
import io.pushbench.bench.jmh.MessageSource;
import io.pushbench.bench.jmh.counters.CodecBytesCounter;
import io.pushbench.bench.jmh.wire.EmbeddedWire;
import io.pushbench.bench.jmh.wire.ServerEncoding;
import io.pushbench.server.log.Message;
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
 * Why: the server's CPU cost per delivery starts with turning one message into wire bytes, and the
 * strategies differ most here: a poll answer is a whole HTTP response (status line, headers, a batch
 * record), an SSE event pays text fields plus an HTTP chunk, a WebSocket frame 2-10 header bytes, and
 * permessage-deflate compresses every message per connection. This measures one message per
 * strategy with the server's own encoders and answer code in front of Netty's real encoders
 * (ServerEncoding: POLL_ANSWER serves short and long polling alike, both answer with BatchAnswer),
 * and counts its wire size (wireBytes, and wireBytesPerOp with the PerOpProfiler).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class ServerEncodingBenchmark {

    @Param({"POLL_ANSWER", "SSE_EVENT", "WS_FRAME", "WS_FRAME_DEFLATE"})
    public ServerEncoding encoding;

    @Param({"16", "64", "256", "1024", "4096", "16384"})
    public int payloadBytes;

    private MessageSource messages;
    private EmbeddedWire wire;
    private EmbeddedWire passThrough;
    private byte[] encodedOnce;

    @Setup(Level.Trial)
    public void setUp() {
        messages = new MessageSource(payloadBytes);
        wire = encoding.open();
        wire.drainBytes();
        writeNext();
        encodedOnce = wire.drainCopy();
        passThrough = new EmbeddedWire();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        wire.close();
        passThrough.close();
    }

    /** The harness cost: one already-encoded message through an EmbeddedChannel without encoders. */
    @Benchmark
    public int baseline() {
        return passThrough.writeBytes(Unpooled.wrappedBuffer(encodedOnce));
    }

    /** One message through the server's encoding of this strategy; returns its wire bytes. */
    @Benchmark
    public int encode(CodecBytesCounter counter) {
        writeNext();
        int bytes = wire.drainBytes();
        counter.wireBytes += bytes;
        return bytes;
    }

    private void writeNext() {
        messages.advance();
        encoding.write(wire, new Message(messages.seq(), messages.payload(), 0L));
    }

    /*
     * ============================== HOW TO RUN THIS BENCHMARK ==============================
     *
     *   mvn -B -q -pl bench -am package -DskipTests
     *   java -jar bench/target/benchmarks.jar ServerEncodingBenchmark -p payloadBytes=64 \
     *        -prof io.pushbench.bench.jmh.counters.PerOpProfiler
     *   java -jar bench/target/benchmarks.jar ServerEncodingBenchmark.encode -p encoding=WS_FRAME_DEFLATE -prof gc
     *
     * or through the wrapper, which always adds the per-op counters and writes results/<run-id>/jmh.json:
     *
     *   java -jar bench/target/pushbench.jar jmh --profile quick ServerEncodingBenchmark
     */
}
