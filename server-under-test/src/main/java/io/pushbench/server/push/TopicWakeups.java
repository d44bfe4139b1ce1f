package io.pushbench.server.push;

import io.netty.util.concurrent.EventExecutor;
import io.pushbench.server.log.TopicLog;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Wakes the waiters of a topic one event loop at a time: an append schedules one task per event loop
 * that has waiters on the topic, and that task wakes them all, instead of one cross-thread task per
 * waiter. With 1,000 WebSocket clients on two event loops a broadcast costs the publishing thread two
 * task submissions, not 1,000 (docs/scale.md, fan-out).
 *
 * <p>Thread-safe registry; {@link #join} and {@link Membership#leave()} must be called on the waiter's
 * event loop, which keeps each loop's group single-threaded.
 *
 * <p>Typical use, in a handler: {@code membership = wakeups.join(topic, ctx.executor(), this::drain);}
 * then {@code membership.leave()} when the connection closes.
 */
public final class TopicWakeups {

    private final ConcurrentMap<Key, LoopWaiters> groups = new ConcurrentHashMap<>();
    private final long writeDelayNanos;

    /**
     * @param writeDelay how long after an append the waiters are woken; messages appended meanwhile are
     *     taken in the same wake-up (one write per connection). 0 = at once.
     */
    public TopicWakeups(Duration writeDelay) {
        this.writeDelayNanos = writeDelay.toNanos();
    }

    private record Key(TopicLog topic, EventExecutor loop) {
    }

    /**
     * Registers {@code waiter} to be woken on {@code loop} whenever {@code topic} gets a message.
     * Call on {@code loop}; read the log after joining, so a message appended just before is not missed.
     */
    public Membership join(TopicLog topic, EventExecutor loop, TopicWaiter waiter) {
        requireOn(loop);
        Key key = new Key(topic, loop);
        LoopWaiters group = groups.get(key);
        if (group == null) {
            group = new LoopWaiters(loop, writeDelayNanos, () -> leaveTopic(key));
            groups.put(key, group);
            topic.subscribe(group);
        }
        return group.add(waiter);
    }

    /** How many event-loop groups are subscribed to topics now (for tests and metrics). */
    public int groupCount() {
        return groups.size();
    }

    private void leaveTopic(Key key) {
        LoopWaiters group = groups.remove(key);
        if (group != null) {
            key.topic().unsubscribe(group);
        }
    }

    static void requireOn(EventExecutor loop) {
        if (!loop.inEventLoop()) {
            throw new IllegalStateException("topic waiters join and leave on their own event loop");
        }
    }
}
