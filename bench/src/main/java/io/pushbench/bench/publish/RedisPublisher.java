package io.pushbench.bench.publish;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.pushbench.bench.workload.PublishTarget;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Publishes with Redis {@code PUBLISH channel payload} through Lettuce, on one connection: Lettuce pipelines the
 * commands of a connection in the order they are issued, so each topic's messages reach Redis in schedule order
 * without waiting for each answer. Lettuce is used (not Jedis on a thread of its own) because it runs on Netty, which
 * the project already has: Lettuce 7.7 is built on Netty 4.2.13 and runs on the project's 4.2.18.
 *
 * <p>Lettuce's automatic reconnect is off: after a reconnect it sends again the commands that were written and not
 * answered, which could publish a message twice. A lost connection fails the publishes (the run is invalid).
 */
public final class RedisPublisher implements Publisher {

    private final PublishTarget target;
    private final PublishOutcome outcome;
    private final ClientResources resources;
    private final RedisClient client;
    private StatefulRedisConnection<byte[], byte[]> connection;
    private RedisAsyncCommands<byte[], byte[]> commands;

    /** @param threadName prefix of Lettuce's thread names (the CPU meter finds the publisher's threads by name) */
    public RedisPublisher(PublishTarget target, PublishOutcome outcome, String threadName) {
        this.target = target;
        this.outcome = outcome;
        this.resources = ClientResources.builder().ioThreadPoolSize(1).computationThreadPoolSize(1)
                .threadFactoryProvider(pool -> new DefaultThreadFactory(threadName + "-redis-" + pool, true)).build();
        RedisURI.Builder uri = RedisURI.builder().withHost(target.host()).withPort(target.port())
                .withTimeout(Duration.ofSeconds(10));
        String userInfo = target.userInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                uri.withPassword(userInfo.toCharArray());
            } else if (colon == 0) {
                uri.withPassword(userInfo.substring(1).toCharArray());
            } else {
                uri.withAuthentication(userInfo.substring(0, colon), userInfo.substring(colon + 1).toCharArray());
            }
        }
        this.client = RedisClient.create(resources, uri.build());
        client.setOptions(ClientOptions.builder().autoReconnect(false).build());
    }

    @Override
    public void start() throws IOException {
        try {
            connection = client.connect(ByteArrayCodec.INSTANCE);
        } catch (RuntimeException e) {
            throw new IOException("cannot connect the publisher to Redis at " + target.urlTemplate() + ": "
                    + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"), e);
        }
        commands = connection.async();
    }

    @Override
    public void publish(PublishMessage m) {
        byte[] channel = target.target().expand(m.topic(), m.payload());
        commands.publish(channel, m.payload()).whenComplete((receivers, error) -> {
            if (error == null) {
                outcome.accepted(m, PublishOutcome.NO_STATUS, -1);
            } else if (error instanceof RedisCommandExecutionException) {
                outcome.failed(m, PublishOutcome.NO_STATUS, "Redis refused PUBLISH to "
                        + new String(channel, StandardCharsets.UTF_8) + ": " + error.getMessage());
            } else {
                outcome.failed(m, PublishOutcome.NO_STATUS, "Redis PUBLISH to "
                        + new String(channel, StandardCharsets.UTF_8) + " failed: " + error);
            }
        });
    }

    /** None: the broker listens on another port than the server the clients use, so its socket is not confused. */
    @Override
    public List<Integer> localPorts() {
        return List.of();
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        resources.shutdown(0, 1, TimeUnit.SECONDS);
    }
}
