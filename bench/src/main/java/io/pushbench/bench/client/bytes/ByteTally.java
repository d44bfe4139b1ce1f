package io.pushbench.bench.client.bytes;

import io.pushbench.model.ByteCategory;
import io.pushbench.model.Direction;

/**
 * Application byte counts summed over many clients: socket totals and per-category counts, by direction.
 * Not thread-safe; built by one thread, then read.
 */
public final class ByteTally {
    private static final int CATEGORIES = ByteCategory.values().length;

    private final long[] socketBytes = new long[2];
    private final long[] categoryBytes = new long[2 * CATEGORIES];

    void addSocket(Direction direction, long bytes) {
        socketBytes[direction.ordinal()] += bytes;
    }

    void add(Direction direction, ByteCategory category, long bytes) {
        categoryBytes[direction.ordinal() * CATEGORIES + category.ordinal()] += bytes;
    }

    /** Adds another tally into this one. */
    public void add(ByteTally other) {
        for (int i = 0; i < socketBytes.length; i++) {
            socketBytes[i] += other.socketBytes[i];
        }
        for (int i = 0; i < categoryBytes.length; i++) {
            categoryBytes[i] += other.categoryBytes[i];
        }
    }

    /** This tally minus an earlier one of the same clients: the bytes moved in between. */
    public ByteTally minus(ByteTally earlier) {
        ByteTally d = new ByteTally();
        for (int i = 0; i < socketBytes.length; i++) {
            d.socketBytes[i] = socketBytes[i] - earlier.socketBytes[i];
        }
        for (int i = 0; i < categoryBytes.length; i++) {
            d.categoryBytes[i] = categoryBytes[i] - earlier.categoryBytes[i];
        }
        return d;
    }

    /** Every byte the sockets moved in this direction. */
    public long socketBytes(Direction direction) {
        return socketBytes[direction.ordinal()];
    }

    /** Bytes of this direction attributed to this category. */
    public long bytes(Direction direction, ByteCategory category) {
        return categoryBytes[direction.ordinal() * CATEGORIES + category.ordinal()];
    }

    /** Bytes counted but not yet attributed (exchanges in progress); 0 when the clients are quiescent or closed. */
    public long pendingBytes(Direction direction) {
        long attributed = 0;
        for (ByteCategory c : ByteCategory.values()) {
            attributed += bytes(direction, c);
        }
        return socketBytes(direction) - attributed;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Direction d : Direction.values()) {
            sb.append(d.label()).append('=').append(socketBytes(d)).append(" {");
            for (ByteCategory c : ByteCategory.values()) {
                sb.append(c.label()).append('=').append(bytes(d, c)).append(' ');
            }
            sb.append("pending=").append(pendingBytes(d)).append("} ");
        }
        return sb.toString().trim();
    }
}
