package io.pushbench.server.broker;

import io.pushbench.server.log.TopicLog;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL {@code LISTEN}/{@code NOTIFY} through the JDBC driver. A publish is one autocommit statement: the
 * topic's seq from its row in {@code <namespace>_seq} ({@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING}: the
 * row lock, held to commit, orders a topic's publishes, and notifications are delivered in commit order), and
 * {@code pg_notify('<namespace>', '<seq> <acceptedEpochMicros> <topic> <payload>')}. Every instance {@code LISTEN}s
 * on a connection of its own, polled by a thread of its own ({@code PGConnection.getNotifications(timeout)}).
 *
 * <p>The JDBC driver on dedicated threads, not a non-blocking client: it is already the project's PostgreSQL
 * client (the bench's publisher), it adds no second Netty or event-loop model to the server, and the work it
 * blocks on (one listener, {@value #PUBLISH_CONNECTIONS} publishing connections) never runs on the server's event
 * loops: those only hand it a publish and get the answer back. docs/brokers.md has the reasons and the cost.
 *
 * <p>NOTIFY's limits hold: the whole notification must be shorter than {@value #MAX_NOTIFY_BYTES} bytes (a larger
 * publish is refused, 413, naming the limit), it is text (a payload that is not UTF-8, or holds a NUL, is
 * refused), and nothing is replayed: what is notified while an instance's listener is down never reaches it.
 */
public final class PostgresNotifyBroker implements Broker {

    /** PostgreSQL's limit: a NOTIFY payload must be shorter than this many bytes (default build). */
    public static final int MAX_NOTIFY_BYTES = 8000;
    /** Publishing connections; a topic always uses the same one, so its publishes stay in order. */
    static final int PUBLISH_CONNECTIONS = 2;
    private static final int POLL_MILLIS = 500;

    private final BrokerUrl url;
    private final ThreadFactory threads;
    private final String table;
    private final String channel;
    private final List<PublishLane> lanes = new ArrayList<>();
    private BrokerIngress ingress;
    private Thread listener;
    private Connection listening;
    private volatile boolean closed;

    public PostgresNotifyBroker(BrokerUrl url, ThreadFactory threads) {
        this.url = url;
        this.threads = threads;
        this.table = url.namespace() + "_seq";
        this.channel = url.namespace();
    }

    /** The largest payload a topic of this name may publish: NOTIFY's limit less the frame's header (worst case). */
    public static int maxPayloadBytes(String topic) {
        // "<seq> <micros> <topic> ": seq and micros at most 19 digits each
        return MAX_NOTIFY_BYTES - 1 - (19 + 1 + 19 + 1 + topic.getBytes(StandardCharsets.UTF_8).length + 1);
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.POSTGRES_NOTIFY;
    }

    @Override
    public void start(BrokerIngress ingress) throws BrokerUnavailableException {
        this.ingress = ingress;
        try {
            listening = connect();
            createTable(listening);
            listen(listening);
            for (int i = 0; i < PUBLISH_CONNECTIONS; i++) {
                lanes.add(new PublishLane(connect()));
            }
        } catch (SQLException e) {
            close();
            throw new BrokerUnavailableException("cannot reach the broker " + url.endpoint() + ": " + e.getMessage(), e);
        }
        lanes.forEach(PublishLane::start);
        listener = threads.newThread(this::listenLoop);
        listener.start();
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url.jdbcUrl());
        c.setAutoCommit(true);
        return c;
    }

    private void createTable(Connection c) throws SQLException {
        String ddl = "CREATE TABLE IF NOT EXISTS " + table + " (topic text PRIMARY KEY, seq bigint NOT NULL)";
        try (Statement s = c.createStatement()) {
            s.execute(ddl);
        } catch (SQLException e) {
            // several instances starting at once race on the catalog: the loser sees a unique violation
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + channel);
        }
    }

    private void listenLoop() {
        ReconnectBackoff backoff = new ReconnectBackoff();
        while (!closed) {
            try {
                if (listening == null) {
                    listening = connect();
                    listen(listening);
                    ingress.reconnected();
                    backoff.reset();
                }
                PGNotification[] notifications = listening.unwrap(PGConnection.class).getNotifications(POLL_MILLIS);
                if (notifications != null) {
                    for (PGNotification n : notifications) {
                        deliver(n.getParameter());
                    }
                }
            } catch (SQLException e) {
                if (closed) {
                    return;
                }
                ingress.disconnected();
                closeQuietly(listening);
                listening = null;
                if (!backoff.sleep()) {
                    return;
                }
            }
        }
    }

    private void deliver(String text) {
        // "<seq> <micros> <topic> <payload>"
        int a = text.indexOf(' ');
        int b = a < 0 ? -1 : text.indexOf(' ', a + 1);
        int c = b < 0 ? -1 : text.indexOf(' ', b + 1);
        if (c < 0) {
            ingress.deliveredMalformed();
            return;
        }
        try {
            long seq = Long.parseLong(text.substring(0, a));
            long micros = Long.parseLong(text.substring(a + 1, b));
            ingress.deliver(text.substring(b + 1, c), seq, micros,
                    text.substring(c + 1).getBytes(StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            ingress.deliveredMalformed();
        }
    }

    @Override
    public CompletionStage<Long> publish(TopicLog topic, byte[] payload, long acceptedEpochMicros) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            text = null;
        }
        if (text == null || text.indexOf('\0') >= 0) {
            ingress.publishFailed();
            return CompletableFuture.failedFuture(new BrokerPublishException("a PostgreSQL NOTIFY payload is text: "
                    + "this payload is not UTF-8 or holds a NUL byte",
                    BrokerPublishException.Failure.MESSAGE_TOO_LARGE, null));
        }
        int limit = maxPayloadBytes(topic.name());
        if (payload.length > limit) {
            ingress.publishFailed();
            return CompletableFuture.failedFuture(new BrokerPublishException("payload of " + payload.length
                    + " bytes exceeds PostgreSQL NOTIFY's " + MAX_NOTIFY_BYTES + "-byte limit (at most " + limit
                    + " payload bytes on topic " + topic.name() + ")",
                    BrokerPublishException.Failure.MESSAGE_TOO_LARGE, null));
        }
        PublishLane lane = lanes.get(Math.floorMod(topic.name().hashCode(), lanes.size()));
        return Brokers.track(ingress, lane.submit(topic.name(), topic.headSeq(), acceptedEpochMicros, text),
                url);
    }

    @Override
    public CompletionStage<Long> headSeq(String topic) {
        PublishLane lane = lanes.get(Math.floorMod(topic.hashCode(), lanes.size()));
        CompletableFuture<Long> result = new CompletableFuture<>();
        lane.queue.add(new HeadQuery(topic, result));
        return result;
    }

    /** A statement waiting for its lane; completes {@code result} with the seq it returns. */
    private sealed interface LaneWork permits Publish, HeadQuery {
        CompletableFuture<Long> result();
    }

    /** One publish waiting for its lane. */
    private record Publish(String topic, long floorSeq, long acceptedEpochMicros, String payload,
                           CompletableFuture<Long> result) implements LaneWork {
    }

    /** A topic's committed last seq (0 without a row): committed seqs have been notified. */
    private record HeadQuery(String topic, CompletableFuture<Long> result) implements LaneWork {
    }

    /**
     * One publishing connection and the thread that uses it, one statement at a time (JDBC blocks). A statement
     * that fails fails its publish; the connection is made again for the next one.
     */
    private final class PublishLane {
        private final LinkedBlockingQueue<LaneWork> queue = new LinkedBlockingQueue<>();
        private final Thread thread;
        private Connection connection;
        private PreparedStatement statement;

        PublishLane(Connection connection) {
            this.connection = connection;
            this.thread = threads.newThread(this::run);
        }

        void start() {
            thread.start();
        }

        CompletionStage<Long> submit(String topic, long floorSeq, long acceptedEpochMicros, String payload) {
            CompletableFuture<Long> result = new CompletableFuture<>();
            queue.add(new Publish(topic, floorSeq, acceptedEpochMicros, payload, result));
            return result;
        }

        void stop() {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(connection);
        }

        private void run() {
            while (!closed) {
                LaneWork p;
                try {
                    p = queue.take();
                } catch (InterruptedException e) {
                    break;
                }
                try {
                    p.result().complete(p instanceof Publish publish ? execute(publish) : head((HeadQuery) p));
                } catch (SQLException e) {
                    closeQuietly(connection);
                    connection = null;
                    statement = null;
                    p.result().completeExceptionally(new BrokerPublishException("broker " + url.endpoint()
                            + " did not take the publish: " + e.getMessage(), BrokerPublishException.Failure.BROKER_UNAVAILABLE, e));
                }
            }
            for (LaneWork p; (p = queue.poll()) != null; ) {
                p.result().completeExceptionally(new BrokerPublishException("the server is stopping",
                        BrokerPublishException.Failure.BROKER_UNAVAILABLE, null));
            }
        }

        private long head(HeadQuery q) throws SQLException {
            if (connection == null) {
                connection = connect();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT seq FROM " + table + " WHERE topic = ?")) {
                select.setString(1, q.topic());
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        }

        private long execute(Publish p) throws SQLException {
            if (connection == null) {
                connection = connect();
            }
            if (statement == null) {
                // the row lock taken by the upsert is held to commit: a topic's seqs commit, and notify, in order
                statement = connection.prepareStatement("WITH s AS (INSERT INTO " + table + " AS q (topic, seq) "
                        + "VALUES (?, ? + 1) ON CONFLICT (topic) DO UPDATE SET seq = GREATEST(q.seq + 1, EXCLUDED.seq) "
                        + "RETURNING q.seq) SELECT s.seq, pg_notify(?, s.seq || ' ' || ? || ' ' || ? || ' ' || ?) FROM s");
            }
            statement.setString(1, p.topic());
            statement.setLong(2, p.floorSeq());
            statement.setString(3, channel);
            statement.setString(4, Long.toString(p.acceptedEpochMicros()));
            statement.setString(5, p.topic());
            statement.setString(6, p.payload());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the publish statement returned no seq");
                }
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        lanes.forEach(PublishLane::stop);
        if (listener != null) {
            try {
                listener.join(POLL_MILLIS + 2_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly(listening);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // the connection is broken already: nothing to release
            }
        }
    }
}
