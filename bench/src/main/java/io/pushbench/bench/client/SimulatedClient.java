package io.pushbench.bench.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.pushbench.bench.client.bytes.ByteCountingHandler;
import io.pushbench.bench.client.bytes.ByteLedger;
import io.pushbench.bench.client.delivery.DeliveryCheck;
import io.pushbench.bench.client.headers.RequestKind;
import io.pushbench.bench.client.http.HttpRequestWriter;
import io.pushbench.model.ByteCategory;
import io.pushbench.model.Direction;

import io.pushbench.bench.client.poll.PollSchedule;

import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One simulated client, confined to its event loop for its whole life: its topic, cursor and resume state, its
 * counters and byte ledger, and the connect / reconnect state machine. The strategy's handlers drive it through the
 * public methods (all to be called on {@link #eventLoop()}).
 *
 * <p>States: idle → connecting → ready (after {@link #connectionReady()}) → closed → (backoff) → connecting ...;
 * after {@link ClientGroup#close()} it stays closed.
 */
public final class SimulatedClient {
    private final int id;
    private final String topic;
    private final EventLoop loop;
    private final ClientGroup group;
    private final ByteLedger ledger = new ByteLedger();
    private final DeliveryCheck check;

    private long requests;
    private long emptyResponses;
    // ints where a client cannot count past 2^31 (the loader holds one client per connection: ~16 B less each)
    private int connects;
    private int reconnects;
    private int errors;

    private Channel channel;
    private boolean ready;
    /** Counted in the group's connected clients: from its first ready connection until a close that is not orderly. */
    private boolean inSession;
    private boolean attempted;
    private boolean closing;
    private boolean closeExpected;
    private long expectedCloseReconnectNanos;
    private PollSchedule pollSchedule;
    private int connectionErrors;
    private long connectStartNanos;
    private long scheduledStartNanos;
    private long backoffMillis;
    private long serverRetryMillis = -1;
    private ByteCategory leftoverCategory = ByteCategory.FRAMING;

    // resume state beyond the seq cursor: SSE last event id, HTTP validators
    private String lastEventId = "";
    private String etag;
    private String lastModified;
    /** The server instance this client uses now; moves to the next one after a failed connection (several instances). */
    private int instance;

    SimulatedClient(int id, String topic, EventLoop loop, ClientGroup group) {
        this.id = id;
        this.topic = topic;
        this.loop = loop;
        this.group = group;
        this.check = new DeliveryCheck(group.settings().startAfterSeq());
        this.backoffMillis = group.settings().reconnectMinMillis();
        this.instance = id % group.target().instanceCount();
    }

    /**
     * Schedules the first connect.
     *
     * @param groupStartNanos {@link System#nanoTime()} when the group started
     * @param delayNanos      this client's ramp-up delay after the group's start, &gt;= 0
     */
    void start(long groupStartNanos, long delayNanos) {
        scheduledStartNanos = groupStartNanos + delayNanos;
        loop.schedule(this::connect, scheduledStartNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    private void connect() {
        if (closing) {
            return;
        }
        if (attempted) {
            reconnects++;
        }
        attempted = true;
        closeExpected = false;
        expectedCloseReconnectNanos = 0;
        connectionErrors = 0;
        leftoverCategory = ByteCategory.FRAMING;
        connectStartNanos = System.nanoTime();
        InetSocketAddress local = group.sourceAddress(id);
        ChannelFuture f = group.bootstrap(loop).handler(new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(ByteCountingHandler.NAME, new ByteCountingHandler(ledger));
                group.protocol().initChannel(ch, SimulatedClient.this);
            }
        }).connect(group.remoteAddress(instance), local);
        channel = f.channel();
        if (channel.isRegistered() || channel.isOpen()) {
            group.channelOpened(channel);
        }
        // the connect timeout is this client's, not Netty's CONNECT_TIMEOUT_MILLIS: Netty's channel keeps its timeout
        // task (~90 B) for the connection's whole life
        ScheduledFuture<?> timeout = f.isDone() ? null : loop.schedule(() -> connectTimedOut(f),
                group.settings().connectTimeoutMillis(), TimeUnit.MILLISECONDS);
        f.addListener((ChannelFuture done) -> {
            if (timeout != null) {
                timeout.cancel(false);
            }
            if (!loop.inEventLoop()) {
                // a channel that could not even be created reports on the global executor: back to this client's loop
                loop.execute(() -> connectDone(done, local));
            } else {
                connectDone(done, local);
            }
        });
    }

    /** As Netty's own connect timeout: the connect fails with {@link ConnectTimeoutException} and the channel closes. */
    private void connectTimedOut(ChannelFuture f) {
        if (f instanceof ChannelPromise p && p.tryFailure(new ConnectTimeoutException("connection timed out after "
                + group.settings().connectTimeoutMillis() + " ms: " + group.remoteAddress(instance)))) {
            f.channel().close();
        }
    }

    private void connectDone(ChannelFuture done, InetSocketAddress local) {
        if (!done.isSuccess()) {
            channel = null;
            leaveSession();
            scheduleReconnect(); // first: whatever happens while reporting, the client comes back
            error(ResourceLimitDiagnosis.describe(done.cause(), local), done.cause());
        } else if (closing) {
            group.closeGracefully(done.channel());
        }
    }

    /** The connection is ready: first response head received, or the WebSocket handshake completed. */
    public void connectionReady() {
        if (ready) {
            return;
        }
        ready = true;
        connects++;
        backoffMillis = group.settings().reconnectMinMillis();
        if (!inSession) {
            inSession = true;
            group.clientConnected(true);
        }
        group.listener().onConnected(id, System.nanoTime() - connectStartNanos);
    }

    /** Whether the current connection is ready ({@link #connectionReady()} was called since it opened). */
    public boolean ready() {
        return ready;
    }

    /**
     * The strategy's last handler saw its channel go inactive: attributes leftover bytes, then reconnects unless the
     * group is closing.
     */
    public void connectionClosed() {
        ledger.attributePending(Direction.UP, leftoverCategory);
        ledger.attributePending(Direction.DOWN, leftoverCategory);
        ready = false;
        channel = null;
        boolean orderly = closeExpected && connectionErrors == 0 && !closing;
        if (!orderly) {
            leaveSession();
        }
        if (closing) {
            return;
        }
        if (orderly) {
            // an orderly end (keep-alive end, event stream end): no error, no backoff
            loop.schedule(this::connect, expectedCloseReconnectNanos, TimeUnit.NANOSECONDS);
            return;
        }
        if (connectionErrors == 0) {
            error("connection closed unexpectedly", null); // unless its cause was reported already
        }
        scheduleReconnect();
    }

    /**
     * The client no longer counts as connected. A client between two connections of an orderly end (a keep-alive
     * connection the server closed, an event stream it ended) stays counted: it is in session, as a browser's page is.
     */
    private void leaveSession() {
        if (inSession) {
            inSession = false;
            group.clientConnected(false);
        }
    }

    private void scheduleReconnect() {
        if (closing) {
            return;
        }
        // behind a broker every instance has the topic: a failed instance's clients go on at the next one, with their seq
        instance = (instance + 1) % group.target().instanceCount();
        long delay = Math.max(backoffMillis, Math.min(serverRetryMillis, group.settings().reconnectMaxMillis()));
        backoffMillis = Math.min(backoffMillis * 2, group.settings().reconnectMaxMillis());
        loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Checks and passes on one received message; duplicates are counted and not passed on. */
    public void deliver(long seq, ByteBuf payload, long receiveNanos) {
        if (check.accept(seq) != DeliveryCheck.Verdict.DUPLICATE) {
            group.listener().onMessage(id, topic, seq, payload, receiveNanos);
        }
    }

    /** The server reported {@code count} messages dropped by retention. */
    public void lost(long count) {
        if (count > 0) {
            check.lost(count);
            group.listener().onLost(id, topic, count);
        }
    }

    /**
     * Reports an error (and counts it); {@code cause} may be null. Resource-limit causes are remembered group-wide.
     * A connection that closes after an error was reported for it counts no second error.
     */
    public void error(String description, Throwable cause) {
        errors++;
        connectionErrors++;
        if (cause != null && ResourceLimitDiagnosis.limitMessage(cause, null) != null) {
            group.limitReached(description);
        }
        group.listener().onError(id, description);
    }

    /** Whether the group is closing: send no new requests. */
    public boolean closing() {
        return closing;
    }

    /** Counts a request sent. */
    public void requestSent() {
        requests++;
    }

    /** Counts a response that delivered no message. */
    public void emptyResponse() {
        emptyResponses++;
    }

    /** The server is about to close the connection normally ({@code Connection: close}): reconnect at once, no error. */
    public void expectClose() {
        expectClose(0);
    }

    /**
     * The connection ends (or ended) in order, not by a failure: a keep-alive connection the server closed between
     * requests or after its last answer, an event stream the server ended. No error is counted and the backoff is
     * not applied: the client reconnects after {@code reconnectDelayNanos} (0 = at once), counting a reconnect.
     */
    public void expectClose(long reconnectDelayNanos) {
        closeExpected = true;
        expectedCloseReconnectNanos = Math.max(0, reconnectDelayNanos);
    }

    /**
     * The server ended an event stream: like a browser's EventSource, reconnect (with {@code Last-Event-ID}) after the
     * reconnection time, the server's {@code retry:} (within {@code reconnectMaxMillis}) or else
     * {@code reconnectMinMillis}. Not an error: whether anything was lost is for the delivery check to say.
     */
    public void streamEnded() {
        long millis = serverRetryMillis >= 0 ? Math.min(serverRetryMillis, group.settings().reconnectMaxMillis())
                : group.settings().reconnectMinMillis();
        expectClose(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /**
     * This client's polling schedule, kept across its connections (so a reconnect sends the request owed at the next
     * grid point, not an extra one); created by {@code create} on first use.
     */
    public PollSchedule pollSchedule(Supplier<PollSchedule> create) {
        if (pollSchedule == null) {
            pollSchedule = create.get();
        }
        return pollSchedule;
    }

    /** Where bytes still pending when the connection closes go (an aborted exchange, a partial frame). */
    public void leftoverCategory(ByteCategory category) {
        leftoverCategory = category;
    }

    /** The SSE {@code retry:} hint: the reconnection delay the server asks for, in milliseconds. */
    public void serverRetryMillis(long millis) {
        serverRetryMillis = millis;
    }

    void close() {
        closing = true;
        if (channel != null && channel.isActive()) {
            group.closeGracefully(channel);
        }
    }

    /** The writer of this client's requests to {@code template}: one per topic, template and kind, shared in the group. */
    public HttpRequestWriter requestWriter(UrlTemplate template, RequestKind kind) {
        return group.requestWriter(template, topic, kind);
    }

    /** Closes the current connection at once, without a close handshake (the group's forced close, fault tests). */
    void closeConnectionNow() {
        if (channel != null) {
            channel.close();
        }
    }

    DeliveryCheck deliveryCheck() {
        return check;
    }

    void addTo(ClientGroup.Totals t) {
        t.requests += requests;
        t.emptyResponses += emptyResponses;
        t.connects += connects;
        t.reconnects += reconnects;
        t.errors += errors;
        t.delivered += check.delivered();
        t.missing += check.missing();
        t.duplicates += check.duplicates();
        t.outOfOrder += check.outOfOrder();
        t.lost += check.lost();
        ledger.addTo(t.bytes);
    }

    public int id() {
        return id;
    }

    public String topic() {
        return topic;
    }

    public EventLoop eventLoop() {
        return loop;
    }

    /**
     * When this client was scheduled to connect first ({@link System#nanoTime()}): the group's start plus its ramp-up
     * delay. Short polling anchors its grid here, so a late connect does not shift it.
     */
    public long scheduledStartNanos() {
        return scheduledStartNanos;
    }

    public ByteLedger ledger() {
        return ledger;
    }

    public ClientTarget target() {
        return group.target().instance(instance);
    }

    /** The server instance this client uses now (0 with one server). */
    public int instance() {
        return instance;
    }

    public ClientSettings settings() {
        return group.settings();
    }

    /** The cursor: the highest seq this client has. */
    /** Whether this seq of the client's topic has not arrived (see {@link DeliveryCheck#isMissing}); on its event loop. */
    boolean isMissing(long seq) {
        return check.isMissing(seq);
    }

    public long lastSeq() {
        return check.lastSeq();
    }

    /** The SSE last event ID ("" when none yet). */
    public String lastEventId() {
        return lastEventId;
    }

    public void lastEventId(String id) {
        lastEventId = id;
    }

    /** The last {@code ETag} seen (null when none): sent as {@code If-None-Match}. */
    public String etag() {
        return etag;
    }

    /** The last {@code Last-Modified} seen (null when none): sent as {@code If-Modified-Since}. */
    public String lastModified() {
        return lastModified;
    }

    /** Remembers HTTP validators from a response (null values keep the previous ones). */
    public void validators(String etag, String lastModified) {
        if (etag != null) {
            this.etag = etag;
        }
        if (lastModified != null) {
            this.lastModified = lastModified;
        }
    }
}
