package io.pushbench.server.broker;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The Lettuce client both Redis brokers share: two I/O threads (Lettuce's minimum) made by the server's thread factory (so its CPU is
 * the server's), automatic reconnect with exponential backoff (50 ms doubling to 2 s; Lettuce subscribes a pub/sub
 * connection again by itself), and commands refused at once while disconnected, so a publish during an outage
 * fails (503) instead of waiting in a queue and being sent after the client was told it failed; a publish whose
 * connection was lost while it awaited its answer is sent again by {@link RedisPublishScript}, which runs it once.
 *
 * <p>Lettuce 7.7 is built on Netty 4.2.13; it runs on the project's 4.2.18 (the same 4.2 line).
 */
final class RedisSetup implements AutoCloseable {

    /** How long a command may wait for Redis: the brokers' publish timeout. */
    static final Duration COMMAND_TIMEOUT = Brokers.PUBLISH_TIMEOUT;

    private final BrokerUrl url;
    private final ClientResources resources;
    private final RedisClient client;

    RedisSetup(BrokerUrl url, ThreadFactory threads) {
        this.url = url;
        this.resources = ClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2)
                .threadFactoryProvider(pool -> threads)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, RedisURI.builder().withHost(url.host()).withPort(url.port())
                .withTimeout(COMMAND_TIMEOUT).build());
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT)).build());
    }

    RedisClient client() {
        return client;
    }

    /** Lettuce's event executors, for timers of the brokers (the server's threads). */
    java.util.concurrent.ScheduledExecutorService scheduler() {
        return resources.eventExecutorGroup();
    }

    /** A connection for commands. */
    StatefulRedisConnection<byte[], byte[]> connect(String purpose) throws BrokerUnavailableException {
        try {
            return client.connect(ByteArrayCodec.INSTANCE);
        } catch (RuntimeException e) {
            throw unavailable(purpose, e);
        }
    }

    BrokerUnavailableException unavailable(String purpose, RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new BrokerUnavailableException("cannot reach the broker " + url.endpoint() + " (" + purpose + "): "
                + root.getMessage(), e);
    }

    /** The topic's last seq: its counter ({@link RedisPublishScript}), 0 when it has none. */
    CompletionStage<Long> headSeq(StatefulRedisConnection<byte[], byte[]> connection, String topic) {
        return connection.async().get(key("seq", topic))
                .thenApply(v -> v == null ? 0L : Long.parseLong(new String(v, StandardCharsets.US_ASCII)));
    }

    /** The key of a name in this broker's namespace. */
    byte[] key(String... parts) {
        return (url.namespace() + ":" + String.join(":", parts)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        resources.shutdown(0, 1, TimeUnit.SECONDS);
    }
}
