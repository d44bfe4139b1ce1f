package io.pushbench.bench.jmh.decode;

import io.netty.buffer.Unpooled;
import io.pushbench.bench.jmh.MessageSource;
import io.pushbench.bench.jmh.counters.CodecBytesCounter;
import io.pushbench.bench.jmh.wire.ServerEncoding;
import io.pushbench.bench.jmh.wire.WireRecording;
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
 * Why: every delivery is parsed once per client, so with thousands of clients the parsers are where
 * the load generator spends its CPU, and a slow parser would make a strategy look slow. This measures
 * the client-side cost of turning one message's wire bytes back into a message: the exact bytes the
 * server's encoding produces (recorded in order through ServerEncoding, replayed in order), parsed by
 * the load generator's own HttpResponseFramer, BatchBodyParser and SseEventParser, and for WebSocket
 * by Netty's real frame decoder (and inflater). wireBytes counts the bytes parsed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class ClientDecodingBenchmark {

    @Param({"POLL_ANSWER", "SSE_EVENT", "WS_FRAME", "WS_FRAME_DEFLATE"})
    public ServerEncoding encoding;

    @Param({"16", "64", "256", "1024", "4096", "16384"})
    public int payloadBytes;

    private WireRecording recording;
    private ClientDecoder decoder;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        recording = WireRecording.record(encoding, new MessageSource(payloadBytes));
        decoder = ClientDecoder.forEncoding(encoding);
        decoder.decode(Unpooled.wrappedBuffer(recording.streamHead()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        decoder.close();
    }

    /** The harness cost: picking the next recorded message and wrapping it, without parsing. */
    @Benchmark
    public int baseline() {
        byte[] wire = nextWire();
        return Unpooled.wrappedBuffer(wire).readableBytes();
    }

    /** One message's wire bytes parsed; returns its seq. */
    @Benchmark
    public long decode(CodecBytesCounter counter) {
        byte[] wire = nextWire();
        counter.wireBytes += wire.length;
        return decoder.decode(Unpooled.wrappedBuffer(wire));
    }

    private byte[] nextWire() {
        byte[] wire = recording.messages()[next];
        next = (next + 1) % recording.messages().length;
        return wire;
    }

    /*
     * ============================== HOW TO RUN THIS BENCHMARK ==============================
     *
     *   mvn -B -q -pl bench -am package -DskipTests
     *   java -jar bench/target/benchmarks.jar ClientDecodingBenchmark -p payloadBytes=64 \
     *        -prof io.pushbench.bench.jmh.counters.PerOpProfiler
     *
     * or: java -jar bench/target/pushbench.jar jmh --profile quick ClientDecodingBenchmark
     */
}
