package io.pushbench.bench.jmh.fanout;

import io.pushbench.model.Strategy;
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
 * Why: the question users ask is "how long until all my clients have the message, and what does it
 * cost?". This measures it end to end over loopback: the real server (PushServer) and the load
 * generator's real clients (ClientEngine, one connection each) in one JVM, set up once per trial;
 * one operation publishes one message and returns when every client has it. Sample-time mode, so
 * the JSON carries percentiles (p50, p99, ...) of the fan-out time, not only its mean. Beside the
 * time, FanOutCounters reports application bytes up and down, requests and empty answers per
 * operation from the clients' own byte accounting, and the server's bytes written as a cross-check.
 *
 * Short polling's fan-out time is governed by its interval (a client asks every pollIntervalMillis),
 * so the interval is a parameter. Long polls are held by the server for up to 30 s (its default),
 * longer than any operation here, so they never time out during a measurement. The server and the
 * clients share the JVM's cores with the benchmark thread: on 2 cores the figures include that
 * contention, like a load run with the embedded server. No baseline method: the floor of fan-out is
 * the clients=1 row of each strategy (one loopback round of the strategy's protocol).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
public class FanOutBenchmark {

    @Param({"SHORT_POLLING", "LONG_POLLING", "SSE", "WEBSOCKET"})
    public Strategy strategy;

    @Param({"1", "100", "1000"})
    public int clients;

    @Param({"16", "64", "1024", "16384"})
    public int payloadBytes;

    @Param({"100"})
    public long pollIntervalMillis;

    private LoopbackFanOut loopback;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        loopback = LoopbackFanOut.start(strategy, clients, payloadBytes, pollIntervalMillis);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        loopback.close();
    }

    LoopbackFanOut loopback() {
        return loopback;
    }

    /** One message to every client; returns its seq. */
    @Benchmark
    public long publishAndAwaitAll(FanOutCounters counters) throws InterruptedException {
        return loopback.publishAndAwaitAll();
    }

    /*
     * ============================== HOW TO RUN THIS BENCHMARK ==============================
     *
     *   mvn -B -q -pl bench -am package -DskipTests
     *   java -jar bench/target/benchmarks.jar fanout.FanOutBenchmark -p strategy=WEBSOCKET -p clients=1000 \
     *        -p payloadBytes=64 -prof io.pushbench.bench.jmh.counters.PerOpProfiler -rf json
     *
     * or through the wrapper (per-op counters always on, JSON into results/<run-id>/jmh.json):
     *
     *   java -jar bench/target/pushbench.jar jmh --profile quick fanout.FanOutBenchmark
     *   java -jar bench/target/pushbench.jar jmh --profile heavy fanout.FanOutBenchmark -p clients=5000
     */
}
