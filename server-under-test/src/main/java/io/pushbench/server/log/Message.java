package io.pushbench.server.log;

/**
 * One published message: its topic sequence number, the payload bytes exactly as published, and when it
 * was appended (for age-based retention).
 *
 * <p>The payload array is shared, not copied, by every reader: nobody may change it after publishing.
 *
 * @param seq the topic's sequence number, 1, 2, 3, ...
 * @param payload the payload bytes, never null, possibly empty
 * @param appendedNanos {@link System#nanoTime()}-style clock reading at append, used only for retention
 */
public record Message(long seq, byte[] payload, long appendedNanos) {
}
