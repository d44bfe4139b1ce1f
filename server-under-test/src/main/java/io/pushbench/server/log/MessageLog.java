package io.pushbench.server.log;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Every topic's messages, created on first mention, each with bounded retention. Usable without any
 * network: the server's strategies and the JMH benchmarks share it.
 *
 * <p>Thread-safe. Typical use:
 * <pre>{@code
 * MessageLog log = new MessageLog(new Retention(10_000, Duration.ofMinutes(5)), 100_000);
 * long seq = log.publish("prices", payload);
 * LogRead read = log.topic("prices").read(0, 1000);
 * }</pre>
 */
public final class MessageLog {

    private final ConcurrentMap<String, TopicLog> topics = new ConcurrentHashMap<>();
    private final Retention retention;
    private final int maxTopics;
    private final LongSupplier nanoClock;

    /**
     * @param retention what each topic keeps
     * @param maxTopics the most topics that may exist at once, at least 1
     */
    public MessageLog(Retention retention, int maxTopics) {
        this(retention, maxTopics, System::nanoTime);
    }

    /** As {@link #MessageLog(Retention, int)} with a clock for retention by age (tests). */
    public MessageLog(Retention retention, int maxTopics, LongSupplier nanoClock) {
        if (maxTopics < 1) {
            throw new IllegalArgumentException("max topics must be at least 1, got " + maxTopics);
        }
        this.retention = retention;
        this.maxTopics = maxTopics;
        this.nanoClock = nanoClock;
    }

    /**
     * The topic with this name, created empty (head seq 0) on first mention.
     *
     * @throws IllegalArgumentException when the name is not a valid topic name
     * @throws TooManyTopicsException when creating it would exceed the topic cap
     */
    public TopicLog topic(String name) {
        TopicLog existing = topics.get(name);
        if (existing != null) {
            return existing;
        }
        TopicNames.requireValid(name);
        if (topics.size() >= maxTopics) {
            throw new TooManyTopicsException(maxTopics);
        }
        return topics.computeIfAbsent(name, n -> new TopicLog(n, retention, nanoClock));
    }

    /**
     * Appends a message to a topic and wakes its subscribers.
     *
     * @param payload kept by reference: do not change it afterwards
     * @return the message's sequence number in its topic
     */
    public long publish(String topic, byte[] payload) {
        return topic(topic).append(payload);
    }

    /** How many topics exist. */
    public int topicCount() {
        return topics.size();
    }
}
