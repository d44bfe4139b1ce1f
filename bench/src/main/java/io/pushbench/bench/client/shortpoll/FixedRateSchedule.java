package io.pushbench.bench.client.shortpoll;

import io.pushbench.bench.client.poll.PollSchedule;

/**
 * Short polling's schedule: one request owed per grid point {@code anchorNanos + k * intervalNanos}, where the anchor
 * is the client's scheduled start (its phase within the interval from the group's start, set by the ramp-up), not its
 * first actual request. So requests/s = clients / interval whatever the connect or response time, and a late connect
 * or a slow answer never shifts the later polls.
 *
 * <p>Coordinated omission: a request goes at the first grid point after the one its predecessor took; when the answer
 * comes back after that point, the next request goes at once and takes the latest grid point passed. Grid points
 * missed while a request was outstanding are skipped, not made up: never a burst of catch-up requests (one
 * connection has one request in flight, as a browser's poller would). E.g. interval 1 s, anchor 0: requests at 0 s
 * and, after a 3.5 s answer, at once at 3.5 s (taking the 3 s point); the next at 4 s. The schedule belongs to the
 * client, not to a connection: a new connection (reconnect) sends the request owed, at once when its grid point has
 * passed, else at that point, and then follows the same grid.
 *
 * <p>Typical use: {@code client.pollSchedule(() -> new FixedRateSchedule(intervalNanos, client.scheduledStartNanos()))}.
 */
public final class FixedRateSchedule implements PollSchedule {
    private final long intervalNanos;
    private final long anchorNanos;
    private long lastGridIndex = Long.MIN_VALUE;

    /**
     * @param intervalNanos time between grid points, &gt; 0
     * @param anchorNanos   a grid point ({@link System#nanoTime()}): the client's scheduled start
     */
    public FixedRateSchedule(long intervalNanos, long anchorNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("intervalNanos must be > 0, got " + intervalNanos);
        }
        this.intervalNanos = intervalNanos;
        this.anchorNanos = anchorNanos;
    }

    @Override
    public void requestSent(long nowNanos) {
        long passed = Math.floorDiv(nowNanos - anchorNanos, intervalNanos); // the latest grid point at or before now
        // a timer that fired a hair early still takes the point it was scheduled for
        lastGridIndex = lastGridIndex == Long.MIN_VALUE ? passed : Math.max(lastGridIndex + 1, passed);
    }

    @Override
    public void requestUnanswered() {
        if (lastGridIndex != Long.MIN_VALUE) {
            lastGridIndex--; // its grid point is owed again: due now, and the repeat takes it (or the latest passed)
        }
    }

    @Override
    public long delayBeforeNextNanos(long nowNanos) {
        if (lastGridIndex == Long.MIN_VALUE) {
            return 0; // nothing sent yet: the first request goes at once
        }
        return Math.max(0, anchorNanos + (lastGridIndex + 1) * intervalNanos - nowNanos);
    }
}
