package io.pushbench.server.broker;

/** Waits between reconnect attempts of a listener thread: 50 ms, doubling up to 2 s, reset by a success. */
final class ReconnectBackoff {

    private static final long FIRST_MILLIS = 50;
    private static final long MAX_MILLIS = 2_000;

    private long nextMillis = FIRST_MILLIS;

    /** Sleeps the current delay and doubles it; false when interrupted (stop). */
    boolean sleep() {
        try {
            Thread.sleep(nextMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        nextMillis = Math.min(MAX_MILLIS, nextMillis * 2);
        return true;
    }

    void reset() {
        nextMillis = FIRST_MILLIS;
    }
}
