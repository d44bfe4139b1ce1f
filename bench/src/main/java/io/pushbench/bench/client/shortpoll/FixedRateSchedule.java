package io.pushbench.bench.client.shortpoll;

import io.pushbench.bench.client.poll.PollSchedule;

/**
 * Short polling's schedule: requests start every interval on a fixed grid anchored at the connection's first
 * request (fixed rate, not fixed delay), so requests/s = clients / interval whatever the response time. When a
 * response comes back after the next slot, the next request goes at once; when more than a whole interval was
 * missed, the grid restarts from that request (no burst of catch-up requests).
 */
public final class FixedRateSchedule implements PollSchedule {
    private final long intervalNanos;
    private long nextDueNanos = Long.MIN_VALUE;

    /** @param intervalNanos time between request starts, &gt; 0 */
    public FixedRateSchedule(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    @Override
    public void requestSent(long nowNanos) {
        if (nextDueNanos == Long.MIN_VALUE || nowNanos - nextDueNanos >= intervalNanos) {
            nextDueNanos = nowNanos + intervalNanos;
        } else {
            nextDueNanos += intervalNanos;
        }
    }

    @Override
    public long delayBeforeNextNanos(long nowNanos) {
        return Math.max(0, nextDueNanos - nowNanos);
    }
}
