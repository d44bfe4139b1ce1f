package io.pushbench.bench.jmh.encode;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import io.pushbench.bench.jmh.MessageSource;
import io.pushbench.bench.jmh.counters.CodecBytesCounter;
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

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/*
 * Why: a WebSocket delivery is the cheapest push on the wire (2-10 bytes of frame header), but with
 * permessage-deflate the server compresses every message per connection. This measures what one
 * binary frame costs the server to produce, with and without deflate, through Netty's real
 * WebSocket08FrameEncoder and PerMessageDeflateEncoder, and reports its wire size (wireBytes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class WebSocketFrameEncoderBenchmark {

    @Param({"16", "64", "256", "1024", "4096", "16384"})
    public int payloadBytes;

    @Param({"false", "true"})
    public boolean deflate;

    private MessageSource messages;
    private EmbeddedWire wire;
    private EmbeddedWire passThrough;
    private byte[] encodedOnce;

    @Setup(Level.Trial)
    public void setUp() {
        messages = new MessageSource(payloadBytes);
        // server frames are not masked (RFC 6455 section 5.1); outbound order: deflate, then framing
        wire = deflate
                ? new EmbeddedWire(new WebSocket08FrameEncoder(false), new PerMessageDeflateServerExtensionHandshaker()
                        .handshakeExtension(new WebSocketExtensionData("permessage-deflate", Map.of()))
                        .newExtensionEncoder())
                : new EmbeddedWire(new WebSocket08FrameEncoder(false));
        passThrough = new EmbeddedWire();
        encodedOnce = wire.writeAndCopy(nextFrame());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        wire.close();
        passThrough.close();
    }

    /** The harness cost: one already-encoded frame through an EmbeddedChannel with no handlers. */
    @Benchmark
    public int baseline() {
        return passThrough.writeBytes(Unpooled.wrappedBuffer(encodedOnce));
    }

    /** One message: the seq-prefixed binary frame the server sends, through the real encoders. */
    @Benchmark
    public int encodeFrame(CodecBytesCounter counter) {
        int bytes = wire.writeBytes(nextFrame());
        counter.wireBytes += bytes;
        return bytes;
    }

    private BinaryWebSocketFrame nextFrame() {
        messages.advance();
        byte[] prefix = (messages.seq() + "\n").getBytes(StandardCharsets.US_ASCII);
        return new BinaryWebSocketFrame(Unpooled.wrappedBuffer(prefix, messages.payload()));
    }

    /*
     * ============================== HOW TO RUN THIS BENCHMARK ==============================
     *
     *   mvn -B -q -pl bench -am package -DskipTests
     *   java -jar bench/target/benchmarks.jar WebSocketFrameEncoderBenchmark -p payloadBytes=64 \
     *        -prof io.pushbench.bench.jmh.counters.PerOpProfiler
     *
     * or through the wrapper, which adds the per-op counters and writes results/<run-id>/jmh.json:
     *
     *   java -jar bench/target/pushbench.jar jmh --profile quick WebSocketFrameEncoderBenchmark
     */
}
