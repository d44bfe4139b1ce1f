package io.pushbench.bench.client.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Buffers that hold bytes only while a line or an event is assembled, and no memory otherwise: the load generator
 * keeps a parser per connection, tens of thousands of them idle between messages (docs/scale.md). A field starts as
 * {@link Unpooled#EMPTY_BUFFER}; {@link #writable} gives a buffer to write to, {@link #released} frees it again.
 */
public final class SpillBuffers {
    private static final int INITIAL_BYTES = 64;

    private SpillBuffers() {
    }

    /** {@code buffer} itself, or a new heap buffer for at least {@code bytes} when it holds none. */
    public static ByteBuf writable(ByteBuf buffer, int bytes) {
        return buffer == Unpooled.EMPTY_BUFFER ? Unpooled.buffer(Math.max(bytes, INITIAL_BYTES)) : buffer;
    }

    /** Frees {@code buffer}'s memory; returns the empty buffer to keep in its place. */
    public static ByteBuf released(ByteBuf buffer) {
        if (buffer != Unpooled.EMPTY_BUFFER) {
            buffer.release();
        }
        return Unpooled.EMPTY_BUFFER;
    }
}
