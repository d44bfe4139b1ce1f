package io.pushbench.bench.publish;

import java.io.IOException;
import java.util.List;

/**
 * Sends published messages to a server or broker of one kind (HTTP, Redis {@code PUBLISH}, PostgreSQL
 * {@code NOTIFY}). The publish schedule and its accounting ({@code PublishScheduler}) do not care which: they hand
 * each message to {@link #publish} when its time comes and count what the {@link PublishOutcome} reports.
 *
 * <p>Contract of every implementation: the messages of one topic reach the server in the order {@link #publish} was
 * called (one connection per topic, one message at a time or a pipeline that keeps order); every message gets
 * exactly one outcome; a message is sent again only when nothing of it can have been processed.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (Publisher publisher = Publishers.create(target, outcome, connections)) {
 *     publisher.start();                       // connects; IOException names the target
 *     publisher.publish(message);              // from the schedule thread, never blocks
 * }
 * }</pre>
 */
public interface Publisher extends AutoCloseable {

    /**
     * Opens the connections.
     *
     * @throws IOException naming the target when it cannot be reached
     */
    void start() throws IOException;

    /** Queues one message for sending; called by one thread (the schedule's), returns at once. */
    void publish(PublishMessage message);

    /** The local TCP ports of the publish connections (to tell them apart from the clients' sockets). */
    List<Integer> localPorts();

    /** Closes the connections; messages still queued get no outcome. */
    @Override
    void close();
}
