package io.pushbench.server.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.model.Strategy;
import io.pushbench.server.client.PushTestClient;
import io.pushbench.server.client.Received;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three instances on one real broker (the machine's Redis and PostgreSQL), for each broker kind and both pushing
 * strategies: every client, whichever instance it is on, gets every message published on any instance once, in
 * one sequence; a client resuming on another instance carries on from its seq.
 */
class BrokerFanOutTest {

    private static final int INSTANCES = 3;
    private static final int CLIENTS_PER_INSTANCE = 4;
    private static final int MESSAGES = 15;

    static Stream<Arguments> brokersAndStrategies() {
        List<Arguments> all = new ArrayList<>();
        for (String broker : List.of(BrokerInstances.REDIS, BrokerInstances.REDIS_STREAMS, BrokerInstances.POSTGRES)) {
            for (Strategy s : List.of(Strategy.SSE, Strategy.WEBSOCKET)) {
                all.add(Arguments.of(broker, s));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("brokersAndStrategies")
    void everyClientOnEveryInstanceGetsEveryMessageOnceInOneSequence(String broker, Strategy strategy) throws Exception {
        try (BrokerInstances instances = new BrokerInstances(broker, INSTANCES)) {
            List<PushTestClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < INSTANCES * CLIENTS_PER_INSTANCE; i++) {
                    clients.add(PushTestClient.subscribe(strategy, instances.get(i % INSTANCES).address(), "room", 0));
                }
                for (int seq = 1; seq <= MESSAGES; seq++) {
                    HttpResponse<String> answer = instances.publish(seq % INSTANCES, "room", "m" + seq);
                    assertThat(answer.statusCode()).isEqualTo(200);
                    assertThat(answer.body().trim()).isEqualTo(Integer.toString(seq));
                }
                for (PushTestClient client : clients) {
                    List<Received> got = client.await(MESSAGES);
                    assertThat(got).extracting(Received::seq)
                            .containsExactlyElementsOf(Stream.iterate(1L, s -> s + 1).limit(MESSAGES).toList());
                    assertThat(got).allSatisfy(r -> assertThat(r.text()).isEqualTo("m" + r.seq()));
                }
                instances.awaitEach(m -> m.received() == MESSAGES, "every instance to receive every message");
                long published = 0;
                for (int i = 0; i < INSTANCES; i++) {
                    BrokerMetrics m = instances.get(i).brokerMetrics();
                    published += m.published();
                    assertThat(m.duplicates()).isZero();
                    assertThat(m.skippedSeqs()).isZero();
                    assertThat(m.hopMicros().getTotalCount()).isEqualTo(MESSAGES);
                }
                assertThat(published).isEqualTo(MESSAGES);

                // a client that had seq 10 on instance 0 resumes on instance 1 and gets exactly 11..15
                try (PushTestClient resumed = PushTestClient.subscribe(strategy, instances.get(1).address(), "room", 10)) {
                    assertThat(resumed.await(MESSAGES - 10)).extracting(Received::seq).containsExactly(11L, 12L, 13L, 14L, 15L);
                }
            } finally {
                clients.forEach(PushTestClient::close);
            }
        }
    }
}
