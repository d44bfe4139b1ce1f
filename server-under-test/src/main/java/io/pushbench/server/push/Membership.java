package io.pushbench.server.push;

/** One waiter's place in its event loop's group of a topic; see {@link TopicWakeups}. */
public final class Membership {

    private final LoopWaiters group;
    final TopicWaiter waiter;
    boolean active = true;

    Membership(LoopWaiters group, TopicWaiter waiter) {
        this.group = group;
        this.waiter = waiter;
    }

    /** Stops waking the waiter; idempotent. Call on the waiter's event loop. */
    public void leave() {
        if (active) {
            active = false;
            group.left();
        }
    }
}
