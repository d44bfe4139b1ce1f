package io.pushbench.server.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.model.Strategy;
import io.pushbench.server.PushServer;
import io.pushbench.server.client.PushTestClient;
import io.pushbench.server.client.Received;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Brokers broken on purpose, each on a broker of the test's own (a redis-server on a free port; for PostgreSQL only
 * this test's own LISTEN connection is terminated, never the shared server): the instances keep serving, reconnect,
 * and every message a client did not get is one its instance counted as never delivered by the broker (pub/sub,
 * NOTIFY: missed while disconnected) or none at all (Streams: read on from where it stopped).
 */
class BrokerFaultTest {

    private static final String TOPIC = "room";

    @Test
    void redisPubSubSubscriptionsLostMidRunMissWhatWasPublishedMeanwhileAndSayHowMuch() throws Exception {
        try (LocalRedis redis = new LocalRedis(false);
             BrokerInstances instances = new BrokerInstances("redis://127.0.0.1:" + redis.port(), 2)) {
            long[] lost = subscriptionKilledMidRun(instances, () -> redis.cli("CLIENT", "KILL", "TYPE", "pubsub"));
            for (int i = 0; i < 2; i++) {
                BrokerMetrics m = instances.get(i).brokerMetrics();
                assertThat(m.disconnects()).isEqualTo(1);
                assertThat(lost[i]).as("loss seen by the client of instance %d", i).isEqualTo(m.skippedSeqs());
            }
        }
    }

    @Test
    void redisPubSubSubscriptionsLostBeforeTheFirstMessageTellTheWaitingClientsWhatTheyMissed() throws Exception {
        try (LocalRedis redis = new LocalRedis(false);
             BrokerInstances instances = new BrokerInstances("redis://127.0.0.1:" + redis.port(), 2)) {
            long[] lost = subscriptionKilledMidRun(instances, 0, () -> redis.cli("CLIENT", "KILL", "TYPE", "pubsub"));
            for (int i = 0; i < 2; i++) {
                BrokerMetrics m = instances.get(i).brokerMetrics();
                assertThat(m.disconnects()).isEqualTo(1);
                assertThat(lost[i]).as("loss seen by the client of instance %d", i).isPositive()
                        .isEqualTo(m.skippedSeqs());
            }
        }
    }

    @Test
    void redisStreamsReaderLostMidRunMissesNothing() throws Exception {
        try (LocalRedis redis = new LocalRedis(false);
             BrokerInstances instances = new BrokerInstances("redis-streams://127.0.0.1:" + redis.port(), 2)) {
            long[] lost = subscriptionKilledMidRun(instances, () -> killStreamReaders(redis));
            for (int i = 0; i < 2; i++) {
                assertThat(lost[i]).isZero();
                assertThat(instances.get(i).brokerMetrics().skippedSeqs()).isZero();
            }
        }
    }

    @Test
    void postgresListenerLostMidRunMissesWhatWasNotifiedMeanwhileAndSaysHowMuch() throws Exception {
        try (BrokerInstances instances = new BrokerInstances(BrokerInstances.POSTGRES, 2)) {
            long[] lost = subscriptionKilledMidRun(instances, () -> terminateListeners(instances));
            for (int i = 0; i < 2; i++) {
                BrokerMetrics m = instances.get(i).brokerMetrics();
                assertThat(m.disconnects()).isEqualTo(1);
                assertThat(lost[i]).isEqualTo(m.skippedSeqs());
            }
        }
    }

    @Test
    void postgresListenerLostBeforeTheFirstNotificationTellsTheWaitingClientsWhatTheyMissed() throws Exception {
        try (BrokerInstances instances = new BrokerInstances(BrokerInstances.POSTGRES, 2)) {
            long[] lost = subscriptionKilledMidRun(instances, 0, () -> terminateListeners(instances));
            for (int i = 0; i < 2; i++) {
                BrokerMetrics m = instances.get(i).brokerMetrics();
                assertThat(m.disconnects()).isEqualTo(1);
                assertThat(lost[i]).isPositive().isEqualTo(m.skippedSeqs());
            }
        }
    }

    @Test
    void redisRestartWithoutItsDataKeepsTheInstancesServingAndTheSeqsGoingOn() throws Exception {
        try (LocalRedis redis = new LocalRedis(false);
             BrokerInstances instances = new BrokerInstances("redis://127.0.0.1:" + redis.port(), 2);
             PushTestClient a = PushTestClient.subscribe(Strategy.SSE, instances.get(0).address(), TOPIC, 0);
             PushTestClient b = PushTestClient.subscribe(Strategy.WEBSOCKET, instances.get(1).address(), TOPIC, 0)) {
            publishOk(instances, 1, 3);
            redis.stop();
            instances.awaitEach(BrokerMetrics::disconnectedNow, "both instances to see the broker gone");
            HttpResponse<String> refused = instances.publish(0, TOPIC, "while down");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("redis://127.0.0.1:" + redis.port());
            redis.start();     // empty: the topic's counter is gone, the publishing instance's head is the floor
            instances.awaitEach(m -> !m.disconnectedNow(), "both instances to subscribe again");
            int refusedAnswers = 1;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            // the publishing connection comes back on its own backoff: until then publishes are refused, not queued
            while (instances.publish(0, TOPIC, "m4").statusCode() == 503 && System.nanoTime() < deadline) {
                refusedAnswers++;
                Thread.sleep(20);
            }
            publishOk(instances, 5, 2);
            for (PushTestClient c : List.of(a, b)) {
                assertThat(c.await(6)).extracting(Received::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            }
            for (int i = 0; i < 2; i++) {
                BrokerMetrics m = instances.get(i).brokerMetrics();
                assertThat(m.skippedSeqs()).isZero();
                assertThat(m.disconnectedMicros()).isPositive();
                assertThat(m.lastGapEndEpochMicros()).isGreaterThan(m.lastGapStartEpochMicros());
            }
            assertThat(instances.get(0).brokerMetrics().publishFailed()).isEqualTo(refusedAnswers);
        }
    }

    @Test
    void aPausedRedisDelaysDeliveryAndLosesNothing() throws Exception {
        for (String scheme : List.of("redis", "redis-streams")) {
            try (LocalRedis redis = new LocalRedis(false);
                 BrokerInstances instances = new BrokerInstances(scheme + "://127.0.0.1:" + redis.port(), 2);
                 PushTestClient a = PushTestClient.subscribe(Strategy.SSE, instances.get(0).address(), TOPIC, 0)) {
                publishOk(instances, 1, 2);
                redis.pause();
                long pausedAt = System.nanoTime();
                CompletableFuture<HttpResponse<String>> during = CompletableFuture.supplyAsync(() -> {
                    try {
                        return instances.publish(1, TOPIC, "m3");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(1_500);
                assertThat(during).isNotDone();     // the publish waits for the broker, it is not refused
                redis.resume();
                assertThat(during.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                publishOk(instances, 4, 1);
                List<Received> got = a.await(4);
                assertThat(got).extracting(Received::seq).containsExactly(1L, 2L, 3L, 4L);
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pausedAt)).isGreaterThanOrEqualTo(1_500);
                assertThat(instances.get(0).brokerMetrics().hopMicros().getMaxValue()).as(scheme)
                        .isGreaterThanOrEqualTo(1_400_000);
                assertThat(instances.get(0).brokerMetrics().skippedSeqs()).isZero();
            }
        }
    }

    /**
     * A publish that ran (Redis wrote its AOF, PostgreSQL committed) and whose answer was lost with its connection
     * (the broker crashed before answering) is sent again once the connection is back, and answered with the seq it
     * got the first time: it makes no second message, and is not refused (503) though it was published.
     */
    @Test
    void aPublishWhoseAnswerWasCutAfterItRanIsPublishedOnce() throws Exception {
        for (String scheme : List.of("redis", "redis-streams")) {
            try (LocalRedis redis = new LocalRedis(false);
                 AnswerCuttingProxy proxy = new AnswerCuttingProxy(redis.port())) {
                publishedOnceThroughACut(scheme + "://127.0.0.1:" + proxy.port(), proxy, "EVALSHA");
            }
        }
        try (AnswerCuttingProxy proxy = new AnswerCuttingProxy(5432)) {
            publishedOnceThroughACut("postgresql://127.0.0.1:" + proxy.port() + "/test?user=postgres", proxy, "m2");
        }
    }

    /**
     * m1, m2 and m3 published on one instance, the answer to m2's publish cut after it ran: each is answered 200 with
     * seqs 1, 2, 3 (a second run of m2 would have taken seq 3) and delivered once.
     */
    private static void publishedOnceThroughACut(String broker, AnswerCuttingProxy proxy, String requestText)
            throws Exception {
        try (BrokerInstances instances = new BrokerInstances(broker, 1);
             PushTestClient a = PushTestClient.subscribe(Strategy.SSE, instances.get(0).address(), TOPIC, 0)) {
            publishOk(instances, 1, 1);
            proxy.cutTheAnswerTo(requestText);
            publishOk(instances, 2, 1);     // answered once the connection is back: the seq it got the first time
            assertThat(proxy.cut()).as("the answer to the publish of m2 was lost").isTrue();
            publishOk(instances, 3, 1);
            assertThat(a.await(3)).as(broker).extracting(r -> new String(r.payload(), StandardCharsets.UTF_8))
                    .containsExactly("m1", "m2", "m3");
            assertThat(instances.get(0).brokerMetrics().publishFailed()).isZero();
        }
    }

    /**
     * PostgreSQL: the answer to a committed publish is lost and no new connection can be made for 10 s: answered 504,
     * not 503, and the message is delivered all the same (the listening connection stayed).
     */
    @Test
    void aPublishWhoseConnectionCannotBeMadeAgainIsAnswered504AndMayStillBePublished() throws Exception {
        try (AnswerCuttingProxy proxy = new AnswerCuttingProxy(5432);
             BrokerInstances instances = new BrokerInstances("postgresql://127.0.0.1:" + proxy.port()
                     + "/test?user=postgres", 1);
             PushTestClient a = PushTestClient.subscribe(Strategy.SSE, instances.get(0).address(), TOPIC, 0)) {
            publishOk(instances, 1, 1);
            proxy.cutTheAnswerTo("m2");
            proxy.refuseNewConnections();
            HttpResponse<String> answer = instances.publish(0, TOPIC, "m2");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(504);
            assertThat(answer.body()).contains("could not be made again within 10 s",
                    "may or may not have been published");
            assertThat(a.await(2)).extracting(r -> new String(r.payload(), StandardCharsets.UTF_8))
                    .containsExactly("m1", "m2");
        }
    }

    /** Redis paused past the command timeout (10 s): the publish sent to it may still run, and does once it resumes. */
    @Test
    void aPublishRedisDoesNotAnswerInTimeIsAnswered504AndMayStillBePublished() throws Exception {
        try (LocalRedis redis = new LocalRedis(false);
             BrokerInstances instances = new BrokerInstances("redis-streams://127.0.0.1:" + redis.port(), 1);
             PushTestClient a = PushTestClient.subscribe(Strategy.SSE, instances.get(0).address(), TOPIC, 0)) {
            publishOk(instances, 1, 1);
            redis.pause();
            HttpResponse<String> answer = instances.publish(0, TOPIC, "m2");
            redis.resume();
            assertThat(answer.statusCode()).isEqualTo(504);
            assertThat(answer.body()).contains("did not answer within 10 s", "may or may not have been published");
            assertThat(a.await(2)).extracting(r -> new String(r.payload(), StandardCharsets.UTF_8))
                    .containsExactly("m1", "m2");
        }
    }

    /** Kills the connections blocked in XREAD (the instances' stream readers), not the publishing ones. */
    private static String killStreamReaders(LocalRedis redis) throws Exception {
        int killed = 0;
        for (String line : redis.cli("CLIENT", "LIST").split("\n")) {
            if (line.contains("cmd=xread")) {
                String id = line.substring(line.indexOf("id=") + 3, line.indexOf(' ', line.indexOf("id=")));
                redis.cli("CLIENT", "KILL", "ID", id);
                killed++;
            }
        }
        assertThat(killed).isEqualTo(2);
        return "";
    }

    /** Terminates the LISTEN connections of this test's namespace only: the shared server and its other clients stay. */
    private static String terminateListeners(BrokerInstances instances) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN "
                     + instances.namespace() + "'")) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            assertThat(n).isEqualTo(2);
        }
        return "";
    }

    /** Publishes {@code count} messages m{first}.. alternately on the instances, each answered 200 with its seq. */
    private static void publishOk(BrokerInstances instances, int first, int count) throws Exception {
        for (int seq = first; seq < first + count; seq++) {
            HttpResponse<String> answer = instances.publish(seq % instances.servers.size(), TOPIC, "m" + seq);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body().trim()).isEqualTo(Integer.toString(seq));
        }
    }

    interface Fault {
        String inject() throws Exception;
    }

    /**
     * One client per instance; publishes continuously from instance 0 while {@code fault} cuts the instances' delivering
     * connections, until both delivered again, then a few more; returns per instance the messages its client was told
     * it lost, after checking that messages and loss notices together cover every seq exactly once, in order.
     */
    private static long[] subscriptionKilledMidRun(BrokerInstances instances, Fault fault) throws Exception {
        return subscriptionKilledMidRun(instances, 5, fault);
    }

    /**
     * As {@link #subscriptionKilledMidRun(BrokerInstances, Fault)}, with {@code beforeCut} messages delivered before
     * the cut (0: the instances' logs are still empty, anchored at the topic's head when the clients came).
     */
    private static long[] subscriptionKilledMidRun(BrokerInstances instances, int beforeCut, Fault fault)
            throws Exception {
        List<PushTestClient> clients = new ArrayList<>();
        try {
            clients.add(PushTestClient.subscribe(Strategy.SSE, instances.get(0).address(), TOPIC, 0));
            clients.add(PushTestClient.subscribe(Strategy.WEBSOCKET, instances.get(1).address(), TOPIC, 0));
            int seq = 0;
            for (int i = 0; i < beforeCut; i++) {
                assertThat(instances.publish(0, TOPIC, "m" + ++seq).statusCode()).isEqualTo(200);
            }
            instances.awaitEach(m -> m.received() >= beforeCut, "every instance to receive the first messages");
            if (beforeCut == 0) {
                awaitAnchored(instances);
            }
            fault.inject();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            // publish on through the outage until both instances received again (their connections are back)
            while (System.nanoTime() < deadline) {
                assertThat(instances.publish(0, TOPIC, "m" + ++seq).statusCode()).isEqualTo(200);
                final int published = seq;
                if (instances.servers.stream().map(PushServer::brokerMetrics)
                        .allMatch(m -> !m.disconnectedNow() && m.received() + m.skippedSeqs() >= published)
                        && seq > 20) {
                    break;
                }
                Thread.sleep(5);
            }
            for (int i = 0; i < 5; i++) {
                assertThat(instances.publish(0, TOPIC, "m" + ++seq).statusCode()).isEqualTo(200);
            }
            final int total = seq;
            instances.awaitEach(m -> m.received() + m.skippedSeqs() >= total, "every seq received or skipped");
            long[] lost = new long[clients.size()];
            for (int i = 0; i < clients.size(); i++) {
                lost[i] = coverage(clients.get(i), total);
            }
            return lost;
        } finally {
            clients.forEach(PushTestClient::close);
        }
    }

    /** Waits until every instance's log of the topic knows the topic's head at the broker (asked when the client came). */
    private static void awaitAnchored(BrokerInstances instances) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!instances.servers.stream().allMatch(s -> s.log().topicToRead(TOPIC).anchored())) {
            assertThat(System.nanoTime()).as("every instance anchored " + TOPIC).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** Reads until seq {@code total}; checks every seq came once as a message or within a loss notice; returns the lost. */
    private static long coverage(PushTestClient client, int total) throws InterruptedException {
        long next = 1;
        long lost = 0;
        while (next <= total) {
            Received r = client.await(1).get(0);
            if (r.isLoss()) {
                assertThat(r.seq() - r.lostCount() + 1).as("loss notice starts where the client is").isEqualTo(next);
                lost += r.lostCount();
                next = r.seq() + 1;
            } else {
                assertThat(r.seq()).isEqualTo(next);
                assertThat(r.text()).isEqualTo("m" + r.seq());
                next++;
            }
        }
        return lost;
    }
}
