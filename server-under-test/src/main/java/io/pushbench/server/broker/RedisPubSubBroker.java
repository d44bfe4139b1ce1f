package io.pushbench.server.broker;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.pushbench.server.log.TopicLog;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadFactory;

/**
 * Redis pub/sub: a publish runs one script ({@code INCR} of the topic's counter, then {@code PUBLISH} of
 * {@code "<seq> <acceptedEpochMicros> <payload>"} to channel {@code <namespace>:t:<topic>}); every instance
 * {@code PSUBSCRIBE}s {@code <namespace>:t:*}. At most once: what is published while an instance's subscription is
 * down never reaches it, and its readers get those seqs as loss notices.
 */
public final class RedisPubSubBroker implements Broker {

    static final String PUBLISH_ACTION = "redis.call('PUBLISH', ARGV[4], s .. ' ' .. ARGV[2] .. ' ' .. ARGV[3])\n";

    private final BrokerUrl url;
    private final RedisSetup redis;
    private final byte[] channelPrefix;
    private StatefulRedisConnection<byte[], byte[]> publishing;
    private StatefulRedisPubSubConnection<byte[], byte[]> subscription;
    private RedisPublishScript script;
    private BrokerIngress ingress;

    public RedisPubSubBroker(BrokerUrl url, ThreadFactory threads) {
        this.url = url;
        this.redis = new RedisSetup(url, threads);
        this.channelPrefix = redis.key("t", "");
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.REDIS_PUBSUB;
    }

    @Override
    public void start(BrokerIngress ingress) throws BrokerUnavailableException {
        this.ingress = ingress;
        publishing = redis.connect("publishing connection");
        try {
            script = new RedisPublishScript(PUBLISH_ACTION, redis, publishing);
            subscription = redis.client().connectPubSub(ByteArrayCodec.INSTANCE);
        } catch (Exception e) {
            throw redis.unavailable("subscription", e instanceof RuntimeException r ? r : new IllegalStateException(e));
        }
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(byte[] pattern, byte[] channel, byte[] message) {
                onMessage(channel, message);
            }

            @Override
            public void psubscribed(byte[] pattern, long count) {
                ingress.reconnected();   // Lettuce subscribes again after a reconnect: delivery resumes here
            }
        });
        redis.client().addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                if (connection == subscription) {
                    ingress.disconnected();
                }
            }

            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                // delivery resumes when the pattern is subscribed again (psubscribed), not at connect
            }
        });
        try {
            byte[] pattern = Arrays.copyOf(channelPrefix, channelPrefix.length + 1);
            pattern[channelPrefix.length] = '*';
            subscription.sync().psubscribe(pattern);
        } catch (RuntimeException e) {
            throw redis.unavailable("PSUBSCRIBE", e);
        }
    }

    private void onMessage(byte[] channel, byte[] message) {
        String topic = new String(channel, channelPrefix.length, channel.length - channelPrefix.length,
                StandardCharsets.UTF_8);
        BrokerFrame frame = BrokerFrame.parse(message);
        if (frame == null) {
            ingress.deliveredMalformed();
            return;
        }
        ingress.deliver(topic, frame.seq(), frame.acceptedEpochMicros(), frame.payload());
    }

    @Override
    public CompletionStage<Long> publish(TopicLog topic, byte[] payload, long acceptedEpochMicros) {
        byte[][] keys = {redis.key("seq", topic.name())};
        return Brokers.track(ingress, script.run(keys, ascii(topic.headSeq()), ascii(acceptedEpochMicros), payload,
                redis.key("t", topic.name())), url);
    }

    static byte[] ascii(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public CompletionStage<Long> headSeq(String topic) {
        return redis.headSeq(publishing, topic);
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        if (publishing != null) {
            publishing.close();
        }
        redis.close();
    }
}
