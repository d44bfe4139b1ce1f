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

    /** Publishes {@code count} messages to one topic at {@code ratePerSec} and waits for every answer. */
    private static PublisherStats publish(ScriptedPublishServer server, int count, double ratePerSec) throws Exception {
        long durationNanos = (long) (count / ratePerSec * 1e9);
        WorkloadParameters w = new WorkloadParameters(1, TopicMode.SINGLE, ratePerSec, Arrivals.FIXED, 64,
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

    /** The seqs of the payloads the server read, in the order it read them. */
    private static List<Long> seqsRead(ScriptedPublishServer server) {
        return server.requests().stream().map(r -> Long.parseLong(r.bodyText().split(" ")[2])).toList();
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
}
