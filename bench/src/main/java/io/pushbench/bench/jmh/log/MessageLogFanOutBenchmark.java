package io.pushbench.bench.jmh.log;

import io.pushbench.bench.jmh.MessageSource;
import io.pushbench.server.Defaults;
import io.pushbench.server.log.LogRead;
import io.pushbench.server.log.LogSubscriber;
import io.pushbench.server.log.MessageLog;
import io.pushbench.server.log.Retention;
import io.pushbench.server.log.TopicLog;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/*
 * Why: with push strategies the log is read once per connection per message: N open connections mean
 * N cursor reads per publish. This measures one publish to a topic with N subscribed cursors, each
 * woken by the log and then reading from its own cursor as the server's PushCursor does
 * (read(cursor, batchLimit), advance to nextAfter), without sockets: the log's share of fan-out. The
 * result is the number of messages the cursors read (N per operation). The server itself subscribes
 * one waiter group per event loop (TopicWakeups), not one subscriber per connection, so the N
 * subscriber calls per append here are an upper bound of its wake-up share; the N reads are its own.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class MessageLogFanOutBenchmark {
    private static final String TOPIC = "bench";

    @Param({"1", "100", "1000"})
    public int subscribers;

    @Param({"64"})
    public int payloadBytes;

    private MessageSource messages;
    private TopicLog topic;
    private List<Cursor> cursors;

    /** A subscriber's cursor: woken by the log, then reads what is newer than what it has. */
    static final class Cursor implements LogSubscriber {
        long after;
        boolean woken;

        @Override
        public void onAppended(long seq) {
            woken = true;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        messages = new MessageSource(payloadBytes);
        topic = new MessageLog(new Retention(Defaults.RETENTION_COUNT, Defaults.RETENTION_AGE), Defaults.MAX_TOPICS)
                .topic(TOPIC);
        cursors = new ArrayList<>(subscribers);
        for (int i = 0; i < subscribers; i++) {
            Cursor c = new Cursor();
            cursors.add(c);
            topic.subscribe(c);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cursors.forEach(topic::unsubscribe);
    }

    /** One publish to a topic with the same subscribers, nobody reading. */
    @Benchmark
    public long baseline() {
        messages.advance();
        return topic.append(messages.payload());
    }

    /** One publish, then every woken cursor reads it. */
    @Benchmark
    public long publishAndReadByEveryCursor() {
        messages.advance();
        topic.append(messages.payload());
        long read = 0;
        for (Cursor c : cursors) {
            if (c.woken) {
                c.woken = false;
                LogRead r = topic.read(c.after, Defaults.BATCH_LIMIT);
                c.after = r.nextAfter();
                read += r.messages().size();
            }
        }
        return read;
    }

    /*
     * ============================== HOW TO RUN THIS BENCHMARK ==============================
     *
     *   mvn -B -q -pl bench -am package -DskipTests
     *   java -jar bench/target/benchmarks.jar MessageLogFanOutBenchmark -p subscribers=1000
     *
     * or: java -jar bench/target/pushbench.jar jmh --profile quick MessageLogFanOutBenchmark
     */
}
