package io.pushbench.server.log;

import java.util.List;

/**
 * What a cursor read from a topic: the messages after the cursor (oldest first, at most the limit asked
 * for), how many messages the reader will never get because retention dropped them, and the cursor to
 * read from next.
 *
 * @param lostCount messages with seq &gt; the cursor that retention already dropped (0 = none)
 * @param messages the retained messages after the cursor, oldest first, possibly empty
 * @param nextAfter the cursor for the next read: the last seq in {@code messages}; when there are none,
 *     the cursor moved past the lost messages (or unchanged)
 * @param more whether the topic holds messages after {@code nextAfter} already (the read stopped at its limit or
 *     at a gap a broker left, which the next read reports as lost): read again without waiting for an append
 */
public record LogRead(long lostCount, List<Message> messages, long nextAfter, boolean more) {

    /** A read that left nothing behind it (every message after the cursor, up to the head). */
    public LogRead(long lostCount, List<Message> messages, long nextAfter) {
        this(lostCount, messages, nextAfter, false);
    }

    /** Whether this read carries no message and no loss signal. */
    public boolean isEmpty() {
        return messages.isEmpty() && lostCount == 0;
    }
}
