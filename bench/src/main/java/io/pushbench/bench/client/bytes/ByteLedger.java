package io.pushbench.bench.client.bytes;

import io.pushbench.model.ByteCategory;
import io.pushbench.model.Direction;

/**
 * The application bytes one simulated client's sockets moved, confined to the client's event loop (no
 * synchronisation; read it from that loop only).
 *
 * <p>{@link ByteCountingHandler} at the pipeline head counts every byte read and written ({@link #socketBytes}).
 * The protocol handlers then attribute those bytes to a {@link ByteCategory} as soon as they know what the bytes
 * were (a request is an empty exchange only once its response says so). Bytes counted but not yet attributed are
 * {@link #pendingBytes pending}; so at any moment, per direction, categories + pending = socket bytes exactly, and
 * pending is 0 once the client is quiescent or closed.
 *
 * <p>Writes go to the {@link #writeCategory(ByteCategory) current write category} the moment they pass the head
 * (writes from the event loop reach the head synchronously), or stay pending when it is {@code null}.
 *
 * <p>Typical use, in a polling handler: {@code ledger.writeCategory(null); ctx.writeAndFlush(request);} ... on the
 * response: {@code ledger.attribute(DOWN, HTTP_HEADERS, headBytes); ... ledger.attributePending(UP, HTTP_HEADERS);}
 */
public final class ByteLedger {
    private static final ByteCategory[] CATEGORY_VALUES = ByteCategory.values();
    private static final int CATEGORIES = CATEGORY_VALUES.length;

    /** Per direction: the categories' bytes, then the socket's; one array, as the loader holds one per connection. */
    private final long[] bytes = new long[2 * (CATEGORIES + 1)];
    private ByteCategory writeCategory;

    /** Counts bytes read from the socket (called by {@link ByteCountingHandler}). */
    void socketRead(int bytes) {
        this.bytes[socketIndex(Direction.DOWN)] += bytes;
    }

    /** Counts bytes written to the socket and attributes them to the current write category, if any. */
    void socketWritten(int bytes) {
        this.bytes[socketIndex(Direction.UP)] += bytes;
        if (writeCategory != null) {
            this.bytes[index(Direction.UP, writeCategory)] += bytes;
        }
    }

    /** The category the next writes are attributed to; {@code null} leaves them pending. */
    public void writeCategory(ByteCategory category) {
        writeCategory = category;
    }

    /** Attributes {@code bytes} already counted in this direction to a category. */
    public void attribute(Direction direction, ByteCategory category, long bytes) {
        this.bytes[index(direction, category)] += bytes;
    }

    /** Attributes every pending byte of this direction to a category; returns how many there were. */
    public long attributePending(Direction direction, ByteCategory category) {
        long pending = pendingBytes(direction);
        attribute(direction, category, pending);
        return pending;
    }

    /** Every byte the client's sockets moved in this direction. */
    public long socketBytes(Direction direction) {
        return bytes[socketIndex(direction)];
    }

    /** Bytes attributed to this category. */
    public long bytes(Direction direction, ByteCategory category) {
        return bytes[index(direction, category)];
    }

    /** Bytes counted but not attributed yet (an exchange or event in progress). */
    public long pendingBytes(Direction direction) {
        long attributed = 0;
        for (ByteCategory c : CATEGORY_VALUES) {
            attributed += bytes[index(direction, c)];
        }
        return bytes[socketIndex(direction)] - attributed;
    }

    /** Adds this ledger's counts into a tally (on the client's event loop). */
    public void addTo(ByteTally tally) {
        for (Direction d : Direction.values()) {
            tally.addSocket(d, bytes[socketIndex(d)]);
            for (ByteCategory c : CATEGORY_VALUES) {
                tally.add(d, c, bytes[index(d, c)]);
            }
        }
    }

    private static int index(Direction direction, ByteCategory category) {
        return direction.ordinal() * (CATEGORIES + 1) + category.ordinal();
    }

    private static int socketIndex(Direction direction) {
        return direction.ordinal() * (CATEGORIES + 1) + CATEGORIES;
    }
}
