package io.pushbench.bench.client.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * Where parsers of one kind (an HTTP head, an event's data) hold the bytes of a line or an event they are
 * assembling, so that neither an idle connection holds memory nor a message costs an allocation: the load generator
 * keeps a parser per connection, tens of thousands of them idle between messages (docs/scale.md), and parses
 * hundreds of thousands of messages a second.
 *
 * <p>During one read, a parser writes into a buffer its thread shares with every parser of the kind
 * ({@link #writable}); what it still holds when the read is done is copied into a buffer of its own
 * ({@link #spilled}: a line or an event cut by the end of a read, rare), freed again once used ({@link #released}).
 * A field holding such bytes starts as, and returns to, {@link Unpooled#EMPTY_BUFFER}.
 *
 * <p>Rules for a parser: call {@link #spilled} on every field at the end of every read (in a {@code finally}), so
 * that between reads it holds nothing of the thread's buffer; never let a parser of the same kind run inside its
 * read on the same thread. (The JMH {@code ClientDecodingBenchmark} counts the allocation per message:
 * {@code bench/scripts/jmh-gate.sh} fails when it grows.)
 */
public final class SpillBuffer {
    private static final int INITIAL_BYTES = 256;
    /** A thread's buffer that grew past this for one large line or event is dropped afterwards, not kept. */
    private static final int LARGEST_KEPT_BYTES = 64 * 1024;

    private final FastThreadLocal<ByteBuf> shared = new FastThreadLocal<>() {
        @Override
        protected ByteBuf initialValue() {
            return Unpooled.buffer(INITIAL_BYTES);
        }
    };

    /** {@code buffer} itself when it holds bytes of the parser's own, else the thread's shared buffer, empty. */
    public ByteBuf writable(ByteBuf buffer) {
        return buffer == Unpooled.EMPTY_BUFFER ? shared.get() : buffer;
    }

    /** Done with the bytes in {@code buffer}: frees it, or empties the thread's; returns the empty buffer. */
    public ByteBuf released(ByteBuf buffer) {
        if (buffer != Unpooled.EMPTY_BUFFER) {
            if (buffer == shared.get()) {
                recycle(buffer);
            } else {
                buffer.release();
            }
        }
        return Unpooled.EMPTY_BUFFER;
    }

    /**
     * At the end of a read: the bytes {@code buffer} holds in the thread's shared buffer, copied into a buffer of the
     * parser's own (indices kept), or the empty buffer when it holds none; any other buffer as it is.
     */
    public ByteBuf spilled(ByteBuf buffer) {
        if (buffer == Unpooled.EMPTY_BUFFER || buffer != shared.get()) {
            return buffer;
        }
        ByteBuf own = Unpooled.EMPTY_BUFFER;
        if (buffer.isReadable()) {
            own = Unpooled.buffer(buffer.writerIndex());
            own.writeBytes(buffer, 0, buffer.writerIndex()).readerIndex(buffer.readerIndex());
        }
        recycle(buffer);
        return own;
    }

    private void recycle(ByteBuf buffer) {
        if (buffer.capacity() > LARGEST_KEPT_BYTES) {
            shared.remove();   // the next use makes a new small one
            buffer.release();
        } else {
            buffer.clear();
        }
    }
}
