package io.pushbench.bench.publish;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.pushbench.bench.workload.PublishTarget;
import io.pushbench.bench.workload.PublisherStats;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Publishing through Redis {@code PUBLISH}: a real Redis on 127.0.0.1:6379 and a real {@code SUBSCRIBE}. */
class RedisPublisherTest {

    @Test
    void subscriberReceivesExactlyThePublishedPayloadsInOrderPerChannel() throws Exception {
        String prefix = "pbtest-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<String, List<String>> received = new ConcurrentHashMap<>();
        RedisClient client = RedisClient.create("redis://127.0.0.1:6379");
        try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub()) {
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String pattern, String channel, String message) {
                    received.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(message);
                }
            });
            sub.sync().psubscribe("chat:" + prefix + "*");

            PublisherStats stats = BrokerPublishRun.run(
                    PublishTarget.parse("redis://127.0.0.1:6379/chat:{topic}", null, null, List.of(), null),
                    prefix, 3, 20, 100);

            assertThat(stats.failed()).as(String.valueOf(stats.firstFailure())).isZero();
            assertThat(stats.published()).isEqualTo(60);
            assertThat(stats.statusCounts()).isEmpty();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.values().stream().mapToInt(List::size).sum() < 60 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(100);   // nothing more may come
            assertThat(received).containsOnlyKeys("chat:" + prefix + "c0", "chat:" + prefix + "c1", "chat:" + prefix + "c2");
            for (int c = 0; c < 3; c++) {
                BrokerPublishRun.assertExactly(received.get("chat:" + prefix + "c" + c), prefix + "c" + c, 20);
            }
        } finally {
            client.shutdown();
        }
    }

    @Test
    void unreachableRedisIsNamedAtStart() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        PublishTarget target = PublishTarget.parse("redis://127.0.0.1:" + closedPort + "/{topic}", null, null, List.of(), null);
        try (Publisher publisher = Publishers.create(target, PublishOutcomes.IGNORE, 1, "test-publisher")) {
            assertThatThrownBy(publisher::start).isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("cannot connect the publisher to Redis at redis://127.0.0.1:" + closedPort);
        }
    }
}
