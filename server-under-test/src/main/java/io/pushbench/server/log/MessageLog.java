package io.pushbench.server.log;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Every topic's messages, each with bounded retention. Usable without any network: the server's
 * strategies and the JMH benchmarks share it.
 *
 * <p>What may create a topic is decided here: {@link #topic} (publishing) creates it and counts it against
 * the topic cap; {@link #topicToRead} (subscribing) never does. A reader of a topic nobody published to
 * gets a <em>pending</em> topic: not counted, held only weakly here, so it lives exactly as long as its
 * readers hold it; the first publish adopts that same instance, so a reader waiting on it gets its first
 * messages exactly once, in order, like any other subscriber.
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
    // guarded by this: topics readers wait on before anyone published to them
    private final Map<String, PendingRef> pending = new HashMap<>();
    private final ReferenceQueue<TopicLog> collected = new ReferenceQueue<>();
    private final Retention retention;
    private final int maxTopics;
    private final LongSupplier nanoClock;
    private volatile Consumer<TopicLog> newTopicListener = topic -> { };

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
     * The topic with this name, created empty (head seq 0) on first mention: what a publisher gets.
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
        TopicLog created;
        synchronized (this) {
            existing = topics.get(name);
            if (existing != null) {
                return existing;
            }
            if (topics.size() >= maxTopics) {
                throw new TooManyTopicsException(maxTopics);
            }
            PendingRef waited = pending.remove(name);
            TopicLog adopted = waited == null ? null : waited.get();
            created = adopted != null ? adopted : new TopicLog(name, retention, nanoClock);
            topics.put(name, created);
            if (adopted != null) {
                return created;
            }
        }
        newTopicListener.accept(created);
        return created;
    }

    /**
     * Calls {@code listener} with every topic log made from now on (for a publish or a reader), outside any lock
     * of this log, on the thread that made it. A server with a broker anchors each new topic at the broker's
     * head ({@link TopicLog#anchorAt}).
     */
    public void onNewTopic(Consumer<TopicLog> listener) {
        newTopicListener = listener;
    }

    /**
     * The topic with this name for a reader: the existing topic, or a pending one that nothing counts
     * until something is published to it. Never creates a topic and never fails for the topic cap.
     *
     * @throws IllegalArgumentException when the name is not a valid topic name
     */
    public TopicLog topicToRead(String name) {
        TopicLog existing = topics.get(name);
        if (existing != null) {
            return existing;
        }
        TopicNames.requireValid(name);
        TopicLog created;
        synchronized (this) {
            existing = topics.get(name);
            if (existing != null) {
                return existing;
            }
            forgetCollected();
            PendingRef ref = pending.get(name);
            TopicLog waited = ref == null ? null : ref.get();
            if (waited != null) {
                return waited;
            }
            created = new TopicLog(name, retention, nanoClock);
            pending.put(name, new PendingRef(created, collected));
        }
        newTopicListener.accept(created);
        return created;
    }

    /** The topic with this name if something created it (a publish), else null; creates nothing. */
    public TopicLog existingTopic(String name) {
        return topics.get(name);
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

    /** How many topics exist (pending topics, which only readers asked for, are not counted). */
    public int topicCount() {
        return topics.size();
    }

    /** How many pending topics are still held by readers (for tests). */
    public synchronized int pendingTopicCount() {
        forgetCollected();
        pending.values().removeIf(ref -> ref.get() == null);
        return pending.size();
    }

    /** Drops the entries of pending topics whose readers all went away. Call holding this. */
    private void forgetCollected() {
        for (Reference<? extends TopicLog> ref; (ref = collected.poll()) != null; ) {
            PendingRef gone = (PendingRef) ref;
            pending.remove(gone.name, gone);
        }
    }

    /** A pending topic held weakly: its readers keep it alive, not the log. */
    private static final class PendingRef extends WeakReference<TopicLog> {
        final String name;

        PendingRef(TopicLog topic, ReferenceQueue<TopicLog> queue) {
            super(topic, queue);
            this.name = topic.name();
        }
    }
}
