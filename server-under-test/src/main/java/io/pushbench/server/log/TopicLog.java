package io.pushbench.server.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One topic's messages: assigns sequence numbers, keeps a bounded window of recent messages (a ring that
 * grows by doubling with what is retained, up to {@code retention.maxMessages()} slots, trimmed by age too),
 * answers cursor reads, and wakes subscribers when a message is appended.
 *
 * <p>Memory grows with what is published, not with the retention: a topic nobody published to holds no
 * ring at all (docs/server.md, "Memory per topic", has the measured bytes).
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
    private static final Message[] NO_MESSAGES = new Message[0];
    private static final LogSubscriber[] NO_SUBSCRIBERS = new LogSubscriber[0];
    /** The payload of a gap's slot, told apart by identity: a seq skipped by {@link #appendAt}. */
    private static final byte[] GAP = new byte[0];
    /** The first ring allocated, slots: small, since most topics of a many-topic run hold a few messages. */
    private static final int FIRST_RING_SLOTS = 2;

    private final int maxMessages;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private Message[] ring = NO_MESSAGES;   // slot of seq = seq % ring.length; grows up to maxMessages
    // copy-on-write: subscribers are event-loop groups (a few per topic), appends read it without a lock
    private volatile LogSubscriber[] subscribers = NO_SUBSCRIBERS;

    private long headSeq;          // last seq assigned; 0 before the first append
    private long oldestSeq = 1;    // oldest retained seq; headSeq + 1 when nothing is retained
    private long anchorSeq = -1;   // the broker's head of this topic when this instance first knew it (-1 = none)

    TopicLog(String name, Retention retention, LongSupplier nanoClock) {
        this.name = name;
        this.maxMessages = retention.maxMessages();
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
            expire(now);
            seq = headSeq + 1;
            put(seq, payload, now);
        }
        wake(seq);
        return seq;
    }

    /**
     * Appends a message whose sequence number someone else assigned (a broker shared by several server
     * instances), and wakes every subscriber. A seq at or below the head is a duplicate and is dropped; seqs
     * skipped between the head and {@code seq} are kept as gaps that readers are told they lost (the loss
     * notice), exactly as retention's drops are. A gap wider than the retention count drops everything before
     * {@code seq}, as retention by count would.
     *
     * @param seq the message's sequence number in its topic, at least 1
     * @param payload kept by reference: do not change it afterwards
     * @return how many seqs were skipped (0 = none, -1 = {@code seq} was a duplicate and nothing was appended)
     */
    public long appendAt(long seq, byte[] payload) {
        long skipped;
        synchronized (this) {
            if (seq <= headSeq) {
                return -1;
            }
            long now = nanoClock.getAsLong();
            expire(now);
            // the first message above the anchor's next: what came between never reached this instance
            boolean fromAnchor = headSeq == 0 && anchorSeq >= 0 && seq > anchorSeq + 1
                    && seq - anchorSeq - 1 < maxMessages;
            if (fromAnchor) {
                headSeq = anchorSeq;
                oldestSeq = anchorSeq + 1;
            }
            skipped = seq - headSeq - 1;
            if ((oldestSeq > headSeq && !fromAnchor) || skipped >= maxMessages) {
                dropAll();
                headSeq = seq - 1;
                oldestSeq = seq;
            } else {
                for (long missing = headSeq + 1; missing < seq; missing++) {
                    put(missing, GAP, now);
                }
            }
            put(seq, payload, now);
        }
        wake(seq);
        return skipped;
    }

    /**
     * Tells an empty log where its topic stood at the broker when this instance first knew the topic: the broker
     * delivers every later message to a subscribed instance, in order, so when the first message to arrive is above
     * {@code brokerHeadSeq + 1}, the seqs between were published while this instance's subscription was down, and
     * {@link #appendAt} keeps them as gaps that readers are told they lost. A message at or below the anchor that
     * arrives later (published before the broker answered, still in flight) starts the log as before. Ignored once
     * the log holds anything; the highest anchor wins.
     *
     * @param brokerHeadSeq the topic's last seq at the broker (0 = none yet)
     */
    public synchronized void anchorAt(long brokerHeadSeq) {
        if (headSeq == 0 && brokerHeadSeq > anchorSeq) {
            anchorSeq = brokerHeadSeq;
        }
    }

    /** Whether {@link #anchorAt} has told this log its topic's head at the broker. */
    public synchronized boolean anchored() {
        return anchorSeq >= 0;
    }

    /** Places the message of the next seq in the ring, growing it or dropping the oldest. Call holding this. */
    private void put(long seq, byte[] payload, long now) {
        if (seq - oldestSeq >= ring.length) {
            if (ring.length < maxMessages) {
                grow();
            } else {
                oldestSeq = seq - ring.length + 1;   // the ring is full at the retention: drop the oldest
            }
        }
        headSeq = seq;
        ring[slot(seq)] = new Message(seq, payload, now);
    }

    private void wake(long seq) {
        for (LogSubscriber subscriber : subscribers) {
            subscriber.onAppended(seq);
        }
    }

    private void dropAll() {
        for (long seq = oldestSeq; seq <= headSeq; seq++) {
            ring[slot(seq)] = null;
        }
    }

    /**
     * Reads the retained messages with seq &gt; {@code after}, oldest first.
     *
     * @param after the reader's cursor: the highest seq it has; 0 = from the oldest retained message, without a
     *     loss signal for what retention dropped (a new reader lost nothing), but with one for gaps at the oldest
     *     retained seqs (messages of its time a broker never delivered to this instance)
     * @param maxMessages the most messages to return, at least 1
     */
    public LogRead read(long after, int maxMessages) {
        synchronized (this) {
            expire(nanoClock.getAsLong());
            long first = Math.max(after + 1, oldestSeq);
            long gaps = 0;
            while (first <= headSeq && isGap(first)) {
                first++;            // a gap at the cursor is lost to this reader, like a retention drop
                gaps++;
            }
            long lost = after > 0 ? (first > after + 1 ? first - after - 1 : 0) : gaps;
            long last = Math.min(headSeq, first + maxMessages - 1);
            if (first > last) {
                return new LogRead(lost, Collections.emptyList(), Math.max(after, Math.min(first - 1, headSeq)));
            }
            List<Message> messages = new ArrayList<>((int) (last - first + 1));
            for (long seq = first; seq <= last; seq++) {
                if (isGap(seq)) {
                    // the next read starts at the gap and reports it; this one says more is there
                    return new LogRead(lost, messages, seq - 1, true);
                }
                messages.add(ring[slot(seq)]);
            }
            return new LogRead(lost, messages, last, last < headSeq);
        }
    }

    /** Whether the retained seq is a gap: a seq the broker never delivered to this instance. Call holding this. */
    private boolean isGap(long seq) {
        return ring[slot(seq)].payload() == GAP;
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
    public synchronized void subscribe(LogSubscriber subscriber) {
        LogSubscriber[] now = subscribers;
        if (indexOf(now, subscriber) < 0) {
            LogSubscriber[] next = Arrays.copyOf(now, now.length + 1);
            next[now.length] = subscriber;
            subscribers = next;
        }
    }

    /** Removes a subscriber; idempotent. */
    public synchronized void unsubscribe(LogSubscriber subscriber) {
        LogSubscriber[] now = subscribers;
        int i = indexOf(now, subscriber);
        if (i >= 0) {
            LogSubscriber[] next = now.length == 1 ? NO_SUBSCRIBERS : new LogSubscriber[now.length - 1];
            System.arraycopy(now, 0, next, 0, i);
            System.arraycopy(now, i + 1, next, i, now.length - i - 1);
            subscribers = next;
        }
    }

    /** How many subscribers are registered now. */
    public int subscriberCount() {
        return subscribers.length;
    }

    /** How many message slots the ring holds now (grows with what is retained; for tests and measurements). */
    public synchronized int capacity() {
        return ring.length;
    }

    private static int indexOf(LogSubscriber[] array, LogSubscriber subscriber) {
        for (int i = 0; i < array.length; i++) {
            if (array[i] == subscriber) {
                return i;
            }
        }
        return -1;
    }

    /** Doubles the ring (at most to the retention count), keeping every retained message in its new slot. */
    private void grow() {
        int slots = (int) Math.min(maxMessages, Math.max(FIRST_RING_SLOTS, 2L * ring.length));
        Message[] next = new Message[slots];
        for (long seq = oldestSeq; seq <= headSeq; seq++) {
            next[(int) (seq % slots)] = ring[slot(seq)];
        }
        ring = next;
    }

    private void expire(long nowNanos) {
        if (maxAgeNanos == 0 || oldestSeq > headSeq) {
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
