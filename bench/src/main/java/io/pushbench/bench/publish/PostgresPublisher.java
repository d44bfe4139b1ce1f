package io.pushbench.bench.publish;

import io.pushbench.bench.workload.PublishTarget;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Publishes with PostgreSQL {@code SELECT pg_notify(channel, payload)} through the JDBC driver, one statement per
 * message in autocommit mode (a notification is delivered when its transaction commits), on a thread of its own:
 * JDBC blocks, and one connection used by one thread keeps each topic's messages in schedule order.
 *
 * <p>A {@code NOTIFY} payload must be shorter than {@value #MAX_PAYLOAD_BYTES} + 1 bytes (PostgreSQL's limit of
 * 8000 bytes in the default configuration); the command line refuses a larger payload before the run.
 */
public final class PostgresPublisher implements Publisher {

    /** The largest payload {@code NOTIFY} takes: PostgreSQL requires it to be shorter than 8000 bytes. */
    public static final int MAX_PAYLOAD_BYTES = 7999;

    private static final PublishMessage STOP = new PublishMessage(-1, "", 0, 0, new byte[0]);

    private final PublishTarget target;
    private final PublishOutcome outcome;
    private final LinkedBlockingQueue<PublishMessage> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private Connection connection;

    /** @param threadName the sending thread's name (the CPU meter finds the publisher's threads by name) */
    public PostgresPublisher(PublishTarget target, PublishOutcome outcome, String threadName) {
        this.target = target;
        this.outcome = outcome;
        this.thread = new Thread(this::run, threadName + "-postgres");
        this.thread.setDaemon(true);
    }

    @Override
    public void start() throws IOException {
        try {
            connection = DriverManager.getConnection(target.jdbcUrl());
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IOException("cannot connect the publisher to PostgreSQL at " + target.urlTemplate() + ": "
                    + e.getMessage(), e);
        }
        thread.start();
    }

    @Override
    public void publish(PublishMessage message) {
        queue.add(message);
    }

    private void run() {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            while (true) {
                PublishMessage m = queue.take();
                if (m == STOP) {
                    return;
                }
                String channel = target.target().expandToString(m.topic(), m.payload());
                try {
                    notify.setString(1, channel);
                    notify.setString(2, new String(m.payload(), StandardCharsets.US_ASCII));
                    notify.executeQuery().close();
                    outcome.accepted(m, PublishOutcome.NO_STATUS, -1);
                } catch (SQLException e) {
                    outcome.failed(m, PublishOutcome.NO_STATUS, "PostgreSQL pg_notify to " + channel + " failed: "
                            + e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            PublishMessage m;
            while ((m = queue.poll()) != null && m != STOP) {
                outcome.failed(m, PublishOutcome.NO_STATUS, "PostgreSQL: " + e.getMessage());
            }
        }
    }

    @Override
    public List<Integer> localPorts() {
        return List.of();
    }

    @Override
    public void close() {
        queue.add(STOP);
        try {
            thread.join(5_000);
            if (connection != null) {
                connection.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            // closing a connection that failed: nothing left to report
        }
    }
}
