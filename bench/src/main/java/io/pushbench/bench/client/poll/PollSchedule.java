package io.pushbench.bench.client.poll;

/** When a polling client sends its next request on a connection. One instance per connection. */
public interface PollSchedule {

    /**
     * A request is being sent now.
     *
     * @param nowNanos {@link System#nanoTime()}
     */
    void requestSent(long nowNanos);

    /**
     * The response to the last request is complete: how long to wait before the next request.
     *
     * @return nanoseconds to wait, 0 = at once
     */
    long delayBeforeNextNanos(long nowNanos);

    /**
     * The last request was never answered (the server closed the connection across it): the request is owed again,
     * at once, and takes the place of the lost one (no extra grid point is taken).
     */
    default void requestUnanswered() {
    }
}
