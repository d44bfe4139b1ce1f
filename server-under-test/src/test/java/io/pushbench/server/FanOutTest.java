package io.pushbench.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.model.Strategy;
import io.pushbench.server.client.PushTestClient;
import io.pushbench.server.client.Received;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both workload shapes work for every strategy: many subscribers of one topic, and one topic per client. */
@ExtendWith(NoBufferLeaks.class)
class FanOutTest {

    private static final int CLIENTS = 8;
    private static final int MESSAGES = 8;

    private PushServer server;

    @BeforeEach
    void start() {
        server = new PushServer(PushServerConfig.builder().build());
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void everySubscriberOfABroadcastTopicGetsEveryMessageOnceInOrder(Strategy strategy) throws Exception {
        List<PushTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(PushTestClient.subscribe(strategy, server.address(), "ticker", 0));
            }
            for (int seq = 1; seq <= MESSAGES; seq++) {
                server.publish("ticker", ("tick " + seq).getBytes(UTF_8));
            }
            for (PushTestClient client : clients) {
                assertSeqs(client.await(MESSAGES), "tick ");
            }
            // the server counts a delivery when its write completes, which a fast client can beat: wait, then compare
            long expected = (long) CLIENTS * MESSAGES;
            ServerMetrics m = ServerChecks.awaitMetrics(server, x -> x.of(strategy).messagesDelivered() >= expected,
                    "the server to count every delivery");
            assertThat(m.of(strategy).messagesDelivered()).isEqualTo(expected);
        } finally {
            clients.forEach(PushTestClient::close);
        }
    }

    @ParameterizedTest
    @EnumSource(Strategy.class)
    void eachClientOfItsOwnTopicGetsOnlyItsOwnMessages(Strategy strategy) throws Exception {
        List<PushTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(PushTestClient.subscribe(strategy, server.address(), "user-" + i, 0));
            }
            for (int seq = 1; seq <= MESSAGES; seq++) {
                for (int i = 0; i < CLIENTS; i++) {
                    server.publish("user-" + i, ("for " + i + " #" + seq).getBytes(UTF_8));
                }
            }
            for (int i = 0; i < CLIENTS; i++) {
                List<Received> got = clients.get(i).await(MESSAGES);
                int client = i;
                assertThat(got.stream().map(Received::seq).collect(Collectors.toList()))
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, MESSAGES).boxed().collect(Collectors.toList()));
                assertThat(got).allSatisfy(r -> assertThat(r.text()).startsWith("for " + client + " #"));
            }
        } finally {
            clients.forEach(PushTestClient::close);
        }
    }

    private static void assertSeqs(List<Received> got, String prefix) {
        assertThat(got.stream().map(Received::seq).collect(Collectors.toList()))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, MESSAGES).boxed().collect(Collectors.toList()));
        assertThat(got).allSatisfy(r -> assertThat(r.text()).isEqualTo(prefix + r.seq()));
    }
}
