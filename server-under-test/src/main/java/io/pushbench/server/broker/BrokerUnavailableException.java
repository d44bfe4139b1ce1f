package io.pushbench.server.broker;

/** The broker could not be reached or refused the setup at start; the message names it and says why. */
public final class BrokerUnavailableException extends Exception {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
