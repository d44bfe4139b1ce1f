package io.pushbench.server;

/** The server did not start because its broker cannot be reached; the message names the broker and why. */
public final class BrokerStartException extends IllegalStateException {

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
