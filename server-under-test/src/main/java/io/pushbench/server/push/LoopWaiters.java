package io.pushbench.server.push;

import io.netty.util.concurrent.EventExecutor;
import io.pushbench.server.log.LogSubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The waiters of one topic on one event loop. Subscribed to the topic once; on an append it schedules a
 * single wake-up task on its loop (coalesced while one is pending; after the write delay, if any), which
 * wakes every active member.
 * Members join and leave on the loop, also from inside a wake-up (a long poll answered leaves at once):
 * leaving only marks the membership, and the list is compacted when no wake-up runs.
 */
final class LoopWaiters implements LogSubscriber {

    private static final Logger LOG = Logger.getLogger(LoopWaiters.class.getName());

    private final EventExecutor loop;
    private final long writeDelayNanos;
    private final Runnable onEmpty;
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final Runnable wakeAll = this::wakeAll;
    private final List<Membership> members = new ArrayList<>();
    private int active;
    private boolean waking;

    LoopWaiters(EventExecutor loop, long writeDelayNanos, Runnable onEmpty) {
        this.loop = loop;
        this.writeDelayNanos = writeDelayNanos;
        this.onEmpty = onEmpty;
    }

    @Override
    public void onAppended(long seq) {
        if (wakeScheduled.compareAndSet(false, true)) {
            if (writeDelayNanos == 0) {
                loop.execute(wakeAll);
            } else {
                loop.schedule(wakeAll, writeDelayNanos, TimeUnit.NANOSECONDS);
            }
        }
    }

    Membership add(TopicWaiter waiter) {
        Membership membership = new Membership(this, waiter);
        members.add(membership);
        active++;
        return membership;
    }

    void left() {
        TopicWakeups.requireOn(loop);
        active--;
        if (active == 0) {
            onEmpty.run();
        }
        if (!waking) {
            compactIfSparse();
        }
    }

    private void wakeAll() {
        wakeScheduled.set(false);   // before reading: an append from now on schedules another wake-up
        waking = true;
        try {
            int count = members.size();   // members joining during the wake-up read the log themselves
            for (int i = 0; i < count; i++) {
                Membership m = members.get(i);
                if (m.active) {
                    wake(m.waiter);
                }
            }
        } finally {
            waking = false;
            compactIfSparse();
        }
    }

    private static void wake(TopicWaiter waiter) {
        try {
            waiter.wake();
        } catch (RuntimeException e) {
            // one broken waiter must not starve the others on the loop
            LOG.log(Level.WARNING, "topic waiter failed on wake-up", e);
        }
    }

    private void compactIfSparse() {
        int inactive = members.size() - active;
        if (inactive > 16 && inactive > active) {
            members.removeIf(m -> !m.active);
        }
    }
}
