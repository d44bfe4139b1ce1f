package io.pushbench.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.model.Strategy;
import io.pushbench.server.client.PushTestClient;
import io.pushbench.server.client.Received;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every strategy, the same promises: exactly once, in order, resumable, losses signalled; on real sockets. */
class StrategyConformanceTest {

    private static final int RETENTION_COUNT = 5;

    private PushServer server;
    private InetSocketAddress address;

    @BeforeEach
    void startServer() {
        server = new PushServer(PushServerConfig.builder()
                .longPollHold(Duration.ofMillis(300))
                .retentionCount(RETENTION_COUNT)
                .build());
        address = server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void messagesPublishedBeforeAndAfterSubscribingArriveExactlyOnceInOrder(Strategy strategy) throws Exception {
        publish("t", 1, 3);
        try (PushTestClient client = PushTestClient.subscribe(strategy, address, "t", 0)) {
            List<Received> first = client.await(3);
            publish("t", 4, 5);
            List<Received> second = client.await(2);
            assertMessages(first, 1, 3);
            assertMessages(second, 4, 5);
            // nothing duplicated: the next item after a new publish is exactly that message
            publish("t", 6, 6);
            assertMessages(client.await(1), 6, 6);
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void clientResumingFromItsLastSeqMissesNothing(Strategy strategy) throws Exception {
        long lastSeq;
        try (PushTestClient client = PushTestClient.subscribe(strategy, address, "r", 0)) {
            publish("r", 1, 2);
            List<Received> got = client.await(2);
            assertMessages(got, 1, 2);
            lastSeq = got.get(got.size() - 1).seq();
        }
        publish("r", 3, 4);     // while disconnected
        try (PushTestClient resumed = PushTestClient.subscribe(strategy, address, "r", lastSeq)) {
            assertMessages(resumed.await(2), 3, 4);
            publish("r", 5, 5);
            assertMessages(resumed.await(1), 5, 5);
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void resumeFromBeyondRetentionIsSignalledWithTheLostCount(Strategy strategy) throws Exception {
        publish("g", 1, 20);    // retention keeps 16..20
        try (PushTestClient client = PushTestClient.subscribe(strategy, address, "g", 3)) {
            List<Received> got = client.await(1 + RETENTION_COUNT);
            assertThat(got.get(0).isLoss()).as("first item is the loss signal").isTrue();
            assertThat(got.get(0).lostCount()).isEqualTo(20 - RETENTION_COUNT - 3);
            assertThat(got.get(0).seq()).as("last lost seq").isEqualTo(20 - RETENTION_COUNT);
            assertMessages(got.subList(1, got.size()), 20 - RETENTION_COUNT + 1, 20);
        }
    }

    @Test
    void emptyShortPollAnswers204WithTheNextAfter() throws Exception {
        server.publish("e", "x".getBytes(UTF_8));
        HttpResponse<String> response = get("/poll/e?after=1");
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("X-Pushbench-Next-After")).hasValue("1");
        assertThat(server.metrics().of(Strategy.SHORT_POLLING).emptyResponses()).isEqualTo(1);
    }

    @Test
    void longPollAnswers204AfterItsHoldTimeout() throws Exception {
        long startNanos = System.nanoTime();
        HttpResponse<String> response = get("/long-poll/quiet?after=0");
        long heldMillis = (System.nanoTime() - startNanos) / 1_000_000;
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("X-Pushbench-Next-After")).hasValue("0");
        // held at least the configured hold (a lower bound only: never assert an upper bound on a shared machine)
        assertThat(heldMillis).isGreaterThanOrEqualTo(300);
        assertThat(server.metrics().of(Strategy.LONG_POLLING).emptyResponses()).isEqualTo(1);
    }

    @Test
    void longPollIsAnsweredByAMessagePublishedWhileHeld() throws Exception {
        PushServer slow = new PushServer(PushServerConfig.builder().longPollHold(Duration.ofSeconds(30)).build());
        try (slow) {
            InetSocketAddress a = slow.start();
            var pending = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + a.getPort() + "/long-poll/held?after=0")).build(),
                    HttpResponse.BodyHandlers.ofString());
            awaitHeld(slow, "held");
            slow.publish("held", "now".getBytes(UTF_8));
            HttpResponse<String> response = pending.get();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("1 3\nnow\n");
        }
    }

    private static void awaitHeld(PushServer s, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (s.log().topic(topic).subscriberCount() == 0) {
            assertThat(System.nanoTime()).as("long poll held within 20 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + address.getPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Publishes payloads "m<seq>" (with a line break inside for SSE's multi-line data) for seqs from..to. */
    private void publish(String topic, long from, long to) {
        for (long seq = from; seq <= to; seq++) {
            long assigned = server.publish(topic, payload(seq).getBytes(UTF_8));
            assertThat(assigned).isEqualTo(seq);
        }
    }

    private static String payload(long seq) {
        return "m" + seq + "\nline two of " + seq;
    }

    private static void assertMessages(List<Received> got, long from, long to) {
        assertThat(got).allSatisfy(r -> assertThat(r.isLoss()).as("loss signal in " + got).isFalse());
        assertThat(got.stream().map(Received::seq).collect(Collectors.toList()))
                .containsExactlyElementsOf(LongStream.rangeClosed(from, to).boxed().collect(Collectors.toList()));
        assertThat(got.stream().map(Received::text).collect(Collectors.toList()))
                .containsExactlyElementsOf(LongStream.rangeClosed(from, to).mapToObj(StrategyConformanceTest::payload)
                        .collect(Collectors.toList()));
    }
}
