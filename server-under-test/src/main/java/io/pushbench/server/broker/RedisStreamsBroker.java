package io.pushbench.server.broker;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.pushbench.server.log.TopicLog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadFactory;

/**
 * Redis Streams: a publish runs one script ({@code INCR} of the topic's counter, then {@code XADD} of topic, seq,
 * accept time and payload to the one stream {@code <namespace>:stream}, trimmed to about {@value #MAX_STREAM_LENGTH}
 * entries); every instance reads the stream from the last entry it had ({@code XREAD BLOCK}) on a thread of its
 * own. An instance that was disconnected reads on from where it stopped: nothing is missed unless the stream was
 * trimmed past it.
 */
public final class RedisStreamsBroker implements Broker {

    /** Stream entries kept (approximately: {@code MAXLEN ~}). */
    static final int MAX_STREAM_LENGTH = 100_000;
    private static final long BLOCK_MILLIS = 1_000;
    private static final int READ_COUNT = 1_000;

    static final String PUBLISH_ACTION = "redis.call('XADD', KEYS[2], 'MAXLEN', '~', " + MAX_STREAM_LENGTH
            + ", '*', 't', ARGV[4], 's', s, 'u', ARGV[2], 'p', ARGV[3])\n";

    private final BrokerUrl url;
    private final RedisSetup redis;
    private final ThreadFactory threads;
    private final byte[] streamKey;
    private StatefulRedisConnection<byte[], byte[]> publishing;
    private StatefulRedisConnection<byte[], byte[]> reading;
    private RedisPublishScript script;
    private BrokerIngress ingress;
    private Thread reader;
    private volatile boolean closed;
    private String lastId;

    public RedisStreamsBroker(BrokerUrl url, ThreadFactory threads) {
        this.url = url;
        this.threads = threads;
        this.redis = new RedisSetup(url, threads);
        this.streamKey = redis.key("stream");
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.REDIS_STREAMS;
    }

    @Override
    public void start(BrokerIngress ingress) throws BrokerUnavailableException {
        this.ingress = ingress;
        publishing = redis.connect("publishing connection");
        reading = redis.connect("stream reader");
        try {
            script = new RedisPublishScript(PUBLISH_ACTION, redis, publishing);
            List<StreamMessage<byte[], byte[]>> last = reading.sync().xrevrange(streamKey, Range.create("-", "+"),
                    Limit.from(1));
            lastId = last.isEmpty() ? "0-0" : last.get(0).getId();   // start after what is there already
        } catch (Exception e) {
            throw redis.unavailable("stream setup", e instanceof RuntimeException r ? r : new IllegalStateException(e));
        }
        reader = threads.newThread(this::readLoop);
        reader.start();
    }

    @SuppressWarnings("unchecked")     // XREAD of one stream: Lettuce's varargs of a generic offset type
    private void readLoop() {
        RedisCommands<byte[], byte[]> commands = reading.sync();
        ReconnectBackoff backoff = new ReconnectBackoff();
        while (!closed) {
            List<StreamMessage<byte[], byte[]>> entries;
            try {
                entries = commands.xread(XReadArgs.Builder.block(BLOCK_MILLIS).count(READ_COUNT),
                        XReadArgs.StreamOffset.from(streamKey, lastId));
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                ingress.disconnected();    // Lettuce reconnects the connection; we read again after a pause
                if (!backoff.sleep()) {
                    return;
                }
                continue;
            }
            ingress.reconnected();
            backoff.reset();
            for (StreamMessage<byte[], byte[]> entry : entries) {
                lastId = entry.getId();
                deliver(entry.getBody());
            }
        }
    }

    private void deliver(Map<byte[], byte[]> body) {
        String topic = null;
        long seq = -1;
        long micros = 0;
        byte[] payload = null;
        for (Map.Entry<byte[], byte[]> field : body.entrySet()) {
            byte[] k = field.getKey();
            if (k.length != 1) {
                continue;
            }
            byte[] v = field.getValue();
            switch (k[0]) {
                case 't' -> topic = new String(v, StandardCharsets.UTF_8);
                case 's' -> seq = parseLong(v);
                case 'u' -> micros = parseLong(v);
                case 'p' -> payload = v;
                default -> { }
            }
        }
        if (topic == null || seq < 1 || payload == null) {
            ingress.deliveredMalformed();
            return;
        }
        ingress.deliver(topic, seq, Math.max(0, micros), payload);
    }

    private static long parseLong(byte[] v) {
        try {
            return Long.parseLong(new String(v, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public CompletionStage<Long> publish(TopicLog topic, byte[] payload, long acceptedEpochMicros) {
        byte[][] keys = {redis.key("seq", topic.name()), streamKey};
        return Brokers.track(ingress, script.run(keys, RedisPubSubBroker.ascii(topic.headSeq()),
                RedisPubSubBroker.ascii(acceptedEpochMicros), payload,
                topic.name().getBytes(StandardCharsets.UTF_8)), url);
    }

    @Override
    public CompletionStage<Long> headSeq(String topic) {
        return redis.headSeq(publishing, topic);
    }

    @Override
    public void close() {
        closed = true;
        if (reader != null) {
            try {
                reader.join(BLOCK_MILLIS + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (reading != null) {
            reading.close();
        }
        if (publishing != null) {
            publishing.close();
        }
        redis.close();
    }
}
