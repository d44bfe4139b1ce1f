package io.pushbench.bench.publish;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;

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

    /**
     * Queues one message for sending, returns at once. Called on the schedule's thread, and, where {@link #writerOf}
     * names a thread for the topic, on that thread too, where it writes without a hand-off.
     */
    void publish(PublishMessage message);

    /**
     * The thread on which {@link #publish} writes this topic's messages to its socket itself, or {@code null} when
     * a publish is always handed to a thread of the publisher's own. The scheduler runs the last moments before a
     * message's time there, so that the hand-off's wake-up (tens of µs) falls before the message's time instead of
     * after it, where every delivery latency would count it. Tasks given to it run in order.
     */
    default Executor writerOf(int topicIndex) {
        return null;
    }

    /** The local TCP ports of the publish connections (to tell them apart from the clients' sockets). */
    List<Integer> localPorts();

    /** Closes the connections; messages still queued get no outcome. */
    @Override
    void close();
}
