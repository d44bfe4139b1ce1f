package io.pushbench.model;

import java.time.Instant;

/**
 * The wall clock in microseconds since the epoch, the unit in which the server's {@code GET /clock} answers and the
 * load generator stamps its clock exchanges (docs/wire-format.md). {@link Instant#now()} reads the system's real-time
 * clock with microsecond resolution or better on Linux.
 */
public final class WallClock {

    private WallClock() {
    }

    /** Now, in microseconds since 1970-01-01T00:00:00Z. */
    public static long nowEpochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
