package io.pushbench.server.log;

/**
 * Told when a topic has a new message. Called on the publishing thread, after the topic's lock is
 * released: implementations must only hand the work to their own thread (e.g. their event loop) and
 * return at once.
 */
@FunctionalInterface
public interface LogSubscriber {

    /** A message with sequence number {@code seq} was appended to the topic subscribed to. */
    void onAppended(long seq);
}
