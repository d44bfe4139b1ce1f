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
 * <p>Exactly once: a publish whose connection is lost while it awaits its answer may have committed. The statement
 * also records, in its lane's row of {@code <namespace>_published}, the number the lane gave the publish and the seq it
 * got; the lane connects again and, unless its row says the publish ran (then its seq is the answer), runs it again,
 * for up to {@link Brokers#PUBLISH_TIMEOUT}; past that its fate is unknown (504). A lane runs one publish at a time, so
 * one row per lane is enough.
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
    private static final long RECONNECT_PAUSE_MILLIS = 50;

    private final BrokerUrl url;
    private final ThreadFactory threads;
    private final String table;
    private final String publishedTable;
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
        this.publishedTable = url.namespace() + "_published";
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
            String instance = Long.toHexString(new java.security.SecureRandom().nextLong());
            for (int i = 0; i < PUBLISH_CONNECTIONS; i++) {
                lanes.add(new PublishLane(connect(), instance + "-" + i));
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
        createTable(c, "CREATE TABLE IF NOT EXISTS " + table + " (topic text PRIMARY KEY, seq bigint NOT NULL)");
        createTable(c, "CREATE TABLE IF NOT EXISTS " + publishedTable
                + " (lane text PRIMARY KEY, number bigint NOT NULL, seq bigint NOT NULL)");
    }

    private static void createTable(Connection c, String ddl) throws SQLException {
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
                    BrokerPublishException.Failure.MESSAGE_BREAKS_LIMIT, null));
        }
        int limit = maxPayloadBytes(topic.name());
        if (payload.length > limit) {
            ingress.publishFailed();
            return CompletableFuture.failedFuture(new BrokerPublishException("payload of " + payload.length
                    + " bytes exceeds PostgreSQL NOTIFY's " + MAX_NOTIFY_BYTES + "-byte limit (at most " + limit
                    + " payload bytes on topic " + topic.name() + ")",
                    BrokerPublishException.Failure.MESSAGE_BREAKS_LIMIT, null));
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
     * refused fails its publish; one whose connection was lost is run again, once (class comment); the connection is
     * made again for the next one.
     */
    private final class PublishLane {
        private final LinkedBlockingQueue<LaneWork> queue = new LinkedBlockingQueue<>();
        private final Thread thread;
        /** This lane's row in {@code <namespace>_published}: the instance's name and the lane's index. */
        private final String name;
        private long lastNumber;
        private PreparedStatement ranStatement;
        private Connection connection;
        private PreparedStatement statement;

        PublishLane(Connection connection, String name) {
            this.connection = connection;
            this.name = name;
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
                    p.result().complete(p instanceof Publish publish ? publishOnce(publish) : head((HeadQuery) p));
                } catch (SQLException e) {
                    dropConnection();
                    p.result().completeExceptionally(new BrokerPublishException("broker " + url.endpoint()
                            + " did not take the publish: " + e.getMessage(),
                            BrokerPublishException.Failure.BROKER_UNAVAILABLE, e));
                } catch (BrokerPublishException e) {
                    p.result().completeExceptionally(e);
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

        /**
         * Runs the publish once: again on a new connection when the one it was sent on was lost before its answer,
         * unless the lane's row says it committed.
         *
         * @throws SQLException            it was not sent, or the broker refused it: it has no seq
         * @throws BrokerPublishException  its fate stayed unknown ({@link BrokerPublishException.Failure#FATE_UNKNOWN})
         *                                 or the server is stopping
         */
        private long publishOnce(Publish p) throws SQLException {
            long number = ++lastNumber;
            long deadline = System.nanoTime() + Brokers.PUBLISH_TIMEOUT.toNanos();
            boolean sent = false;
            while (true) {
                try {
                    if (connection == null) {
                        connection = connect();
                    }
                    if (sent) {
                        Long ran = ranSeq(number);
                        if (ran != null) {
                            return ran;
                        }
                    }
                    sent = true;
                    return execute(p, number);
                } catch (SQLException e) {
                    dropConnection();
                    if (!sent || !connectionLost(e)) {
                        throw e;
                    }
                    if (System.nanoTime() - deadline > 0) {
                        throw BrokerPublishException.fateUnknown("the connection to " + url.endpoint() + " was lost "
                                + "while the publish awaited its answer and could not be made again within "
                                + Brokers.PUBLISH_TIMEOUT.toSeconds() + " s (" + e.getMessage() + ")", e);
                    }
                    try {
                        Thread.sleep(RECONNECT_PAUSE_MILLIS);
                    } catch (InterruptedException stopping) {
                        Thread.currentThread().interrupt();
                        throw BrokerPublishException.fateUnknown("the server is stopping", e);
                    }
                }
            }
        }

        private long execute(Publish p, long number) throws SQLException {
            if (statement == null) {
                // the row lock taken by the upsert is held to commit: a topic's seqs commit, and notify, in order; the
                // lane's row records which publish this was, in the same transaction
                statement = connection.prepareStatement("WITH s AS (INSERT INTO " + table + " AS q (topic, seq) "
                        + "VALUES (?, ? + 1) ON CONFLICT (topic) DO UPDATE SET seq = GREATEST(q.seq + 1, EXCLUDED.seq) "
                        + "RETURNING q.seq), r AS (INSERT INTO " + publishedTable + " (lane, number, seq) "
                        + "SELECT ?, ?, s.seq FROM s ON CONFLICT (lane) DO UPDATE SET number = EXCLUDED.number, "
                        + "seq = EXCLUDED.seq) SELECT s.seq, pg_notify(?, s.seq || ' ' || ? || ' ' || ? || ' ' || ?) FROM s");
            }
            statement.setString(1, p.topic());
            statement.setLong(2, p.floorSeq());
            statement.setString(3, name);
            statement.setLong(4, number);
            statement.setString(5, channel);
            statement.setString(6, Long.toString(p.acceptedEpochMicros()));
            statement.setString(7, p.topic());
            statement.setString(8, p.payload());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the publish statement returned no seq");
                }
                return rs.getLong(1);
            }
        }

        /** The seq the publish of this number got, when it committed; else null. */
        private Long ranSeq(long number) throws SQLException {
            if (ranStatement == null) {
                ranStatement = connection.prepareStatement("SELECT seq FROM " + publishedTable
                        + " WHERE lane = ? AND number = ?");
            }
            ranStatement.setString(1, name);
            ranStatement.setLong(2, number);
            try (ResultSet rs = ranStatement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }

        private void dropConnection() {
            closeQuietly(connection);
            connection = null;
            statement = null;
            ranStatement = null;
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

    /** Whether the connection was lost (its statement may have committed), rather than the statement refused. */
    private static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        // 08: connection exception; 57P: the server is shutting down or crashed (it may have committed first)
        return state == null || state.startsWith("08") || state.startsWith("57P");
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
