package io.pushbench.server.broker;

/**
 * A publish the broker did not take.
 *
 * @see #refusedByLimit()
 */
public final class BrokerPublishException extends RuntimeException {

    private final boolean refusedByLimit;

    /**
     * @param refusedByLimit true when the message itself breaks a limit of the broker (answered 413), false when
     *                       the broker is unavailable (answered 503: try again)
     */
    public BrokerPublishException(String message, boolean refusedByLimit, Throwable cause) {
        super(message, cause);
        this.refusedByLimit = refusedByLimit;
    }

    /** Whether the message breaks a limit of the broker (its size), rather than the broker being unavailable. */
    public boolean refusedByLimit() {
        return refusedByLimit;
    }
}
