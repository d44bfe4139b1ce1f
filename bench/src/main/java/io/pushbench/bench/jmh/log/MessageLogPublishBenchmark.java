package io.pushbench.bench.jmh.log;

import io.pushbench.bench.jmh.MessageSource;
import io.pushbench.server.Defaults;
import io.pushbench.server.log.MessageLog;
import io.pushbench.server.log.Retention;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/*
 * Why: every strategy starts at the log; its publish rate bounds every push rate. This measures how
 * many messages per second one publisher appends to one topic of the server's MessageLog with the
 * server's default retention (10,000 messages, 5 minutes: the ring is full after warm-up, so each
 * append also retires the oldest message). Payload sizes are a parameter to show the log does not
 * copy payloads (it keeps them by reference): the score should not depend on it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class MessageLogPublishBenchmark {
    private static final String TOPIC = "bench";

    @Param({"16", "1024", "16384"})
    public int payloadBytes;

    private MessageSource messages;
    private MessageLog log;

    @Setup(Level.Trial)
    public void setUp() {
        messages = new MessageSource(payloadBytes);
        log = new MessageLog(new Retention(Defaults.RETENTION_COUNT, Defaults.RETENTION_AGE), Defaults.MAX_TOPICS);
    }

    /** The cost of picking the next payload, without the log. */
    @Benchmark
    public byte[] baseline() {
        messages.advance();
        return messages.payload();
    }

    /** One publish: the seq it got is the result. */
    @Benchmark
    public long publish() {
        messages.advance();
        return log.publish(TOPIC, messages.payload());
    }

    /*
     * ============================== HOW TO RUN THIS BENCHMARK ==============================
     *
     *   mvn -B -q -pl bench -am package -DskipTests
     *   java -jar bench/target/benchmarks.jar MessageLogPublishBenchmark
     *
     * or: java -jar bench/target/pushbench.jar jmh --profile quick MessageLogPublishBenchmark
     */
}
