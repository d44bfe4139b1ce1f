package io.pushbench.server.broker;

/**
 * A publish the broker did not take, or of which it is not known whether it took it.
 *
 * @see #failure()
 */
public final class BrokerPublishException extends RuntimeException {

    /** Why the publish has no seq; each is answered with its own status. */
    public enum Failure {
        /** The broker is unavailable and the publish was not made (503: try again). */
        BROKER_UNAVAILABLE,
        /** The message itself breaks a limit of the broker: its size, or NOTIFY's text-only payload (413). */
        MESSAGE_BREAKS_LIMIT,
        /**
         * The broker's connection was lost, or it did not answer, after the publish was sent: it may have been made
         * (504, as a gateway whose upstream did not answer).
         */
        FATE_UNKNOWN
    }

    private final Failure failure;

    public BrokerPublishException(String message, Failure failure, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    /** A publish sent to the broker whose outcome never came back: {@link Failure#FATE_UNKNOWN}, saying so. */
    static BrokerPublishException fateUnknown(String why, Throwable cause) {
        return new BrokerPublishException(why + ": it may or may not have been published", Failure.FATE_UNKNOWN, cause);
    }

    /** Why the publish has no seq. */
    public Failure failure() {
        return failure;
    }
}
