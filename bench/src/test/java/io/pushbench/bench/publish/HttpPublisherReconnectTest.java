package io.pushbench.bench.publish;

import io.pushbench.bench.metrics.MicrosRecorder;
import io.pushbench.bench.workload.Arrivals;
import io.pushbench.bench.workload.PayloadHeader;
import io.pushbench.bench.workload.PublishScheduler;
import io.pushbench.bench.workload.PublishTarget;
import io.pushbench.bench.workload.PublisherStats;
import io.pushbench.bench.workload.TopicMode;
import io.pushbench.bench.workload.WorkloadParameters;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP publisher against servers that answer 2xx codes other than 200 and close keep-alive connections: every
 * publish is accounted for exactly once, nothing is lost or doubled, and each topic's messages arrive in order.
 */
class HttpPublisherReconnectTest {

    /** Publishes {@code count} messages to one topic at {@code ratePerSec}, evenly spaced, and waits for every answer. */
    private static PublisherStats publish(ScriptedPublishServer server, int count, double ratePerSec) throws Exception {
        return publish(server, count, ratePerSec, Arrivals.FIXED);
    }

    /** Publishes to one topic for {@code count / ratePerSec} seconds (FIXED: exactly {@code count} messages). */
    private static PublisherStats publish(ScriptedPublishServer server, int count, double ratePerSec, Arrivals arrivals)
            throws Exception {
        long durationNanos = (long) (count / ratePerSec * 1e9);
        WorkloadParameters w = new WorkloadParameters(1, TopicMode.SINGLE, ratePerSec, arrivals, 64,
                Duration.ofSeconds(1), Duration.ofSeconds(30), 0, Duration.ZERO, Duration.ofNanos(durationNanos), 7);
        long origin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        // the window ends half a period after the last message, so exactly `count` are scheduled
        long end = origin + durationNanos - (long) (0.5e9 / ratePerSec);
        PublishScheduler.Window window = new PublishScheduler.Window(origin, origin, end);
        try (PublishScheduler publisher = new PublishScheduler(new PublishTarget(server.url("/pub/{topic}"), null), "",
                w, new PayloadHeader(64, 7), window, new MicrosRecorder(), 1)) {
            publisher.start();
            assertThat(publisher.awaitScheduleEnd(Duration.ofSeconds(30))).isTrue();
            assertThat(publisher.awaitIdle(Duration.ofSeconds(30))).isTrue();
            return publisher.stats();
        }
    }

    /** The header field {@code index} (0 "pb1", 1 topic, 2 seq, 3 scheduled ns, 4 sent ns) of every request read. */
    private static List<Long> headerField(ScriptedPublishServer server, int index) {
        return server.requests().stream().map(r -> Long.parseLong(r.bodyText().split(" ")[index])).toList();
    }

    /** The seqs of the payloads the server read, in the order it read them. */
    private static List<Long> seqsRead(ScriptedPublishServer server) {
        return headerField(server, 2);
    }

    private static List<Long> oneTo(int n) {
        return java.util.stream.LongStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void publishAnswered201Or202IsAcceptedAndTheStatusesAreCounted() throws Exception {
        ScriptedPublishServer.Script script = new ScriptedPublishServer.Script();
        script.status = n -> n % 5 == 4 ? 202 : 201;   // nchan: 201 Created with subscribers, 202 Accepted without
        try (ScriptedPublishServer server = new ScriptedPublishServer(script)) {
            PublisherStats stats = publish(server, 20, 100);

            assertThat(stats.failed()).as(String.valueOf(stats.firstFailure())).isZero();
            assertThat(stats.published()).isEqualTo(20);
            assertThat(stats.statusCounts()).containsExactly(Map.entry(201, 16L), Map.entry(202, 4L));
            assertThat(seqsRead(server)).isEqualTo(oneTo(20));
        }
    }

    @Test
    void publisherReconnectsWhenServerAnswersConnectionClose() throws Exception {
        ScriptedPublishServer.Script script = new ScriptedPublishServer.Script();
        script.closeEvery = 5;   // nginx's keepalive_requests, set low
        try (ScriptedPublishServer server = new ScriptedPublishServer(script)) {
            PublisherStats stats = publish(server, 23, 100);

            assertThat(stats.failed()).as(String.valueOf(stats.firstFailure())).isZero();
            assertThat(stats.published()).isEqualTo(23);
            assertThat(stats.outstanding()).isZero();
            assertThat(stats.fateUnknown()).isZero();
            assertThat(seqsRead(server)).as("each message once, in schedule order").isEqualTo(oneTo(23));
            assertThat(server.connections()).isEqualTo(5);
            assertThat(stats.reconnects()).isEqualTo(4);
        }
    }

    @Test
    void publisherReconnectsWhenServerClosesIdleConnection() throws Exception {
        ScriptedPublishServer.Script script = new ScriptedPublishServer.Script();
        script.idleCloseMillis = 60;   // nginx's keepalive_timeout, set below the publish interval
        try (ScriptedPublishServer server = new ScriptedPublishServer(script)) {
            PublisherStats stats = publish(server, 6, 5);

            assertThat(stats.failed()).as(String.valueOf(stats.firstFailure())).isZero();
            assertThat(stats.published()).isEqualTo(6);
            assertThat(stats.fateUnknown()).isZero();
            assertThat(seqsRead(server)).isEqualTo(oneTo(6));
            assertThat(server.connections()).as("an idle close between every two publishes").isGreaterThanOrEqualTo(6);
            assertThat(stats.reconnects()).isEqualTo(server.connections() - 1);
        }
    }

    @Test
    void publishReadAndNeverAnsweredHasUnknownFateAndIsNotSentAgain() throws Exception {
        ScriptedPublishServer.Script script = new ScriptedPublishServer.Script();
        script.dropRequest = 3;
        try (ScriptedPublishServer server = new ScriptedPublishServer(script)) {
            PublisherStats stats = publish(server, 10, 50);

            assertThat(stats.fateUnknown()).isEqualTo(1);
            assertThat(stats.firstFateUnknown()).contains("before answering");
            assertThat(stats.failed()).as(String.valueOf(stats.firstFailure())).isZero();
            assertThat(stats.published()).isEqualTo(9);
            assertThat(stats.outstanding()).isZero();
            assertThat(seqsRead(server)).as("the unanswered one is not sent twice").isEqualTo(oneTo(10));
            assertThat(stats.reconnects()).isEqualTo(1);
        }
    }

    @Test
    void serverNumberingMessagesOtherwiseThanTheScheduleIsCaught() throws Exception {
        ScriptedPublishServer.Script script = new ScriptedPublishServer.Script();
        java.util.concurrent.atomic.AtomicLong numbered = new java.util.concurrent.atomic.AtomicLong(100);
        script.seq = r -> numbered.incrementAndGet();   // a server that was not fresh: its topic had 100 messages
        try (ScriptedPublishServer server = new ScriptedPublishServer(script)) {
            PublisherStats stats = publish(server, 5, 100);

            assertThat(stats.seqMismatches()).isEqualTo(5);
            assertThat(stats.firstFailure()).contains("server numbered a message of t0 101, expected 1");
        }
    }

    @Test
    void serverNumberingOneLowerAfterAnUnprocessedPublishOfUnknownFateIsAccepted() throws Exception {
        ScriptedPublishServer.Script script = new ScriptedPublishServer.Script();
        script.dropRequest = 2;   // read, not processed, not numbered
        java.util.concurrent.atomic.AtomicLong numbered = new java.util.concurrent.atomic.AtomicLong();
        script.onRequest = r -> numbered.incrementAndGet();
        script.seq = r -> numbered.get();
        try (ScriptedPublishServer server = new ScriptedPublishServer(script)) {
            PublisherStats stats = publish(server, 8, 50);

            assertThat(stats.fateUnknown()).isEqualTo(1);
            assertThat(stats.seqMismatches()).as(String.valueOf(stats.firstFailure())).isZero();
            assertThat(numbered.get()).isEqualTo(7);
        }
    }

    @Test
    void messagesFarApartAreSentByTheConnectionsThreadAtTheirTimeNeverBefore() throws Exception {
        // 5 ms apart: each is handed to the connection's I/O thread 150 µs early, which waits out the rest
        try (ScriptedPublishServer server = new ScriptedPublishServer(new ScriptedPublishServer.Script())) {
            PublisherStats stats = publish(server, 40, 200);

            assertThat(stats.published()).isEqualTo(40);
            assertThat(seqsRead(server)).isEqualTo(oneTo(40));
            List<Long> scheduled = headerField(server, 3);
            List<Long> sent = headerField(server, 4);
            for (int i = 0; i < sent.size(); i++) {
                assertThat(sent.get(i)).as("message %d: sent at %d ns, scheduled at %d ns", i + 1, sent.get(i),
                        scheduled.get(i)).isGreaterThanOrEqualTo(scheduled.get(i));
            }
        }
    }

    @Test
    void messagesSentPartlyByTheScheduleThreadAndPartlyByTheConnectionsThreadKeepTheirOrder() throws Exception {
        // Poisson gaps at 2,000/s: one in seven is 1 ms or more (handed over early), the rest are sent when due
        try (ScriptedPublishServer server = new ScriptedPublishServer(new ScriptedPublishServer.Script())) {
            PublisherStats stats = publish(server, 1_000, 2_000, Arrivals.POISSON);

            assertThat(stats.failed()).as(String.valueOf(stats.firstFailure())).isZero();
            assertThat(stats.published()).isEqualTo(stats.scheduled()).isGreaterThan(500);
            assertThat(stats.outstanding()).isZero();
            assertThat(seqsRead(server)).isEqualTo(oneTo((int) stats.published()));
        }
    }
}
