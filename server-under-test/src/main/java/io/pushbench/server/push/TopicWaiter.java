package io.pushbench.server.push;

/**
 * Something on an event loop that waits for a topic's next message: a push cursor, a held long poll.
 * {@link #wake()} is called on that event loop; it reads the log from its own cursor.
 */
@FunctionalInterface
public interface TopicWaiter {

    /** The topic may have messages newer than this waiter's cursor. Called on the waiter's event loop. */
    void wake();
}
