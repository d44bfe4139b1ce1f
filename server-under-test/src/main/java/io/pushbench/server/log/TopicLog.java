package io.pushbench.server.log;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One topic's messages: assigns sequence numbers, keeps a bounded window of recent messages (a ring of
 * {@code retention.maxMessages()} slots, trimmed by age too), answers cursor reads, and wakes subscribers
 * when a message is appended.
 *
 * <p>Thread-safe: appends and reads take the topic's monitor briefly; subscribers are called outside it.
 *
 * <p>Typical use:
 * <pre>{@code
 * TopicLog topic = log.topic("prices");
 * topic.subscribe(seq -> eventLoop.execute(this::drain));   // wake-up only
 * LogRead read = topic.read(cursor, 1000);                  // then read by cursor
 * cursor = read.nextAfter();
 * }</pre>
 */
public final class TopicLog {

    private final String name;
    private final Message[] ring;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private final Set<LogSubscriber> subscribers = ConcurrentHashMap.newKeySet();

    private long headSeq;          // last seq assigned; 0 before the first append
    private long oldestSeq = 1;    // oldest retained seq; headSeq + 1 when nothing is retained

    TopicLog(String name, Retention retention, LongSupplier nanoClock) {
        this.name = name;
        this.ring = new Message[retention.maxMessages()];
        this.maxAgeNanos = retention.maxAge().toNanos();
        this.nanoClock = nanoClock;
    }

    /** The topic's name. */
    public String name() {
        return name;
    }

    /**
     * Appends a message and wakes every subscriber.
     *
     * @param payload the payload bytes, kept by reference: do not change them afterwards
     * @return the message's sequence number
     */
    public long append(byte[] payload) {
        long seq;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            seq = ++headSeq;
            ring[slot(seq)] = new Message(seq, payload, now);
            if (seq - oldestSeq >= ring.length) {
                oldestSeq = seq - ring.length + 1;
            }
            expire(now);
        }
        for (LogSubscriber subscriber : subscribers) {
            subscriber.onAppended(seq);
        }
        return seq;
    }

    /**
     * Reads the retained messages with seq &gt; {@code after}, oldest first.
     *
     * @param after the reader's cursor: the highest seq it has; 0 = from the oldest retained message,
     *     without a loss signal (a new reader lost nothing)
     * @param maxMessages the most messages to return, at least 1
     */
    public LogRead read(long after, int maxMessages) {
        synchronized (this) {
            expire(nanoClock.getAsLong());
            long first = Math.max(after + 1, oldestSeq);
            long lost = after > 0 && first > after + 1 ? first - after - 1 : 0;
            long last = Math.min(headSeq, first + maxMessages - 1);
            if (first > last) {
                return new LogRead(lost, Collections.emptyList(), Math.max(after, Math.min(first - 1, headSeq)));
            }
            List<Message> messages = new ArrayList<>((int) (last - first + 1));
            for (long seq = first; seq <= last; seq++) {
                messages.add(ring[slot(seq)]);
            }
            return new LogRead(lost, messages, last);
        }
    }

    /** The last sequence number assigned (0 before the first message). */
    public synchronized long headSeq() {
        return headSeq;
    }

    /** The oldest retained sequence number; {@code headSeq() + 1} when nothing is retained. */
    public synchronized long oldestRetainedSeq() {
        expire(nanoClock.getAsLong());
        return oldestSeq;
    }

    /** Registers a subscriber to be woken on every append; idempotent. */
    public void subscribe(LogSubscriber subscriber) {
        subscribers.add(subscriber);
    }

    /** Removes a subscriber; idempotent. */
    public void unsubscribe(LogSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /** How many subscribers are registered now. */
    public int subscriberCount() {
        return subscribers.size();
    }

    private void expire(long nowNanos) {
        if (maxAgeNanos == 0) {
            return;
        }
        while (oldestSeq <= headSeq && nowNanos - ring[slot(oldestSeq)].appendedNanos() > maxAgeNanos) {
            ring[slot(oldestSeq)] = null;   // let the payload go now, not when the slot is reused
            oldestSeq++;
        }
    }

    private int slot(long seq) {
        return (int) (seq % ring.length);
    }
}
