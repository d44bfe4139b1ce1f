package io.pushbench.bench.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.pushbench.bench.client.bytes.ByteTally;
import io.pushbench.bench.client.headers.ClientHeaders;
import io.pushbench.bench.client.headers.RequestKind;
import io.pushbench.bench.client.http.HttpRequestWriter;
import io.pushbench.model.Strategy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;

/**
 * The simulated clients of one strategy against one target, started by {@link ClientEngine#start}. Each client lives
 * on one event loop; counts are read by {@link #snapshot()}, which runs a summing task on every loop, so it is exact
 * and needs no locks on the hot path.
 *
 * <p>Typical use:
 * <pre>{@code
 * ClientGroup group = engine.start(Strategy.SSE, target, 1000, id -> "t", settings, listener);
 * ... warm up ...
 * ClientGroupSnapshot atWarmupEnd = group.snapshot();
 * ... measure ...
 * group.close();                                   // graceful; waits for every connection to close
 * ClientGroupSnapshot measured = group.snapshot().minus(atWarmupEnd);
 * }</pre>
 */
public final class ClientGroup implements AutoCloseable {
    private static final long TASK_TIMEOUT_SEC = 30;
    private static final long CLOSE_TIMEOUT_MILLIS = 10_000;
    /**
     * The close wait grows by this per connection beyond 10,000: at 16,700 connections per loader on two busy cores
     * the servers' last close frames came after the fixed 5 s a connection used to wait, were counted as written by
     * the servers and never read by the clients (docs/scale.md, 100,000 WebSocket connections).
     */
    private static final long CLOSE_MILLIS_PER_CONNECTION = 1;

    private final ClientEngine engine;
    private final Strategy strategy;
    private final ClientTarget target;
    private final UrlTemplate template;
    private final ClientSettings settings;
    private final DeliveryListener listener;
    private final ClientProtocol protocol;
    private final InetSocketAddress remote;
    private final List<InetSocketAddress> instanceAddresses = new ArrayList<>();
    private final boolean spreadSources;
    private final Bootstrap bootstrap;
    private final List<List<SimulatedClient>> clientsByLoop = new ArrayList<>();
    private final int clientCount;
    private final AtomicInteger connected = new AtomicInteger();
    /**
     * Connections opened and not closed yet, counted by a close listener shared by all of them: a channel group would
     * cost a map node per connection (~60 B), and every open connection is a client's current one or closes itself.
     */
    private final AtomicInteger openChannels = new AtomicInteger();
    /** Request writers by template, topic and kind: immutable, so one serves every connection (~180 B each). */
    private final Map<RequestWriterKey, HttpRequestWriter> requestWriters = new ConcurrentHashMap<>();
    private final ChannelFutureListener channelClosed = f -> openChannels.decrementAndGet();
    private volatile String limitError;
    private volatile boolean closed;
    private volatile long closeWaitMillis = ClientProtocol.FORCE_CLOSE_MILLIS;
    private final java.util.concurrent.atomic.LongAdder forcedCloses = new java.util.concurrent.atomic.LongAdder();

    ClientGroup(ClientEngine engine, Strategy strategy, ClientTarget target, int clients, IntFunction<String> topicOfClient,
                ClientSettings settings, DeliveryListener listener, ClientProtocol protocol) {
        this.engine = engine;
        this.strategy = strategy;
        this.target = target;
        this.template = target.template(strategy);
        this.settings = settings;
        this.listener = listener;
        this.protocol = protocol;
        this.clientCount = clients;
        this.remote = withSharedHostString(target.connectAddress() != null ? target.connectAddress()
                : new InetSocketAddress(template.host(), template.port()));
        if (remote.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve host '" + template.host() + "' of " + template);
        }
        this.spreadSources = remote.getAddress().isLoopbackAddress() && remote.getAddress().getAddress().length == 4;
        for (int i = 0; i < target.instanceCount(); i++) {
            UrlTemplate t = target.instance(i).template(strategy);
            instanceAddresses.add(i == 0 ? remote : withSharedHostString(new InetSocketAddress(t.host(), t.port())));
        }
        this.bootstrap = engine.newBootstrap();
        EventLoop[] loops = engine.eventLoops();
        for (int i = 0; i < loops.length; i++) {
            clientsByLoop.add(new ArrayList<>());
        }
        Map<String, String> topics = new HashMap<>();     // one String per topic, not per client (~70 B a client)
        for (int id = 0; id < clients; id++) {
            int loopIndex = id % loops.length;
            String topic = topics.computeIfAbsent(topicOfClient.apply(id), t -> t);
            clientsByLoop.get(loopIndex).add(new SimulatedClient(id, topic, loops[loopIndex], this));
        }
    }

    void start() {
        int perSec = settings.rampUpPerSec();
        long startNanos = System.nanoTime();
        for (List<SimulatedClient> onLoop : clientsByLoop) {
            for (SimulatedClient c : onLoop) {
                c.start(startNanos, perSec == 0 ? 0 : c.id() * 1_000_000_000L / perSec);
            }
        }
    }

    /**
     * Clients in session now: with a ready connection (handshake done or first response head received), or reconnecting
     * after the server ended their connection in order (keep-alive end, event stream end) without an error since.
     */
    public int connectedClients() {
        return connected.get();
    }

    /** Exact counts summed over all clients (runs on every event loop; call from outside the client loops). */
    public ClientGroupSnapshot snapshot() {
        return snapshot(null);
    }

    /**
     * Like {@link #snapshot()}, and counts as missing every seq between a client's cursor and its topic's head.
     *
     * @param headSeqOfTopic the last seq published to a topic (the publisher's count); null = do not count the tail
     */
    public ClientGroupSnapshot snapshot(ToLongFunction<String> headSeqOfTopic) {
        List<Future<Totals>> parts = new ArrayList<>();
        EventLoop[] loops = engine.eventLoops();
        for (int i = 0; i < loops.length; i++) {
            List<SimulatedClient> onLoop = clientsByLoop.get(i);
            parts.add(loops[i].submit(() -> {
                Totals t = new Totals();
                for (SimulatedClient c : onLoop) {
                    c.addTo(t);
                    if (headSeqOfTopic != null) {
                        t.missing += Math.max(0, headSeqOfTopic.applyAsLong(c.topic()) - c.lastSeq());
                    }
                }
                return t;
            }));
        }
        Totals sum = new Totals();
        for (Future<Totals> part : parts) {
            sum.add(await(part));
        }
        return new ClientGroupSnapshot(strategy, clientCount, connected.get(), sum.connects, sum.reconnects,
                sum.requests, sum.emptyResponses, sum.delivered, sum.missing, sum.duplicates, sum.outOfOrder, sum.lost,
                sum.errors, sum.bytes, limitError);
    }

    /**
     * The most any one client lost (told by loss notices, or missing between its own seqs) and the most any one got
     * twice: {@code {maxLostOrMissing, maxDuplicates}} (runs on every event loop; for the fault report).
     */
    public long[] worstClient() {
        List<Future<long[]>> parts = new ArrayList<>();
        EventLoop[] loops = engine.eventLoops();
        for (int i = 0; i < loops.length; i++) {
            List<SimulatedClient> onLoop = clientsByLoop.get(i);
            parts.add(loops[i].submit(() -> {
                long[] worst = new long[2];
                for (SimulatedClient c : onLoop) {
                    worst[0] = Math.max(worst[0], c.deliveryCheck().lost() + c.deliveryCheck().missing());
                    worst[1] = Math.max(worst[1], c.deliveryCheck().duplicates());
                }
                return worst;
            }));
        }
        long[] worst = new long[2];
        for (Future<long[]> part : parts) {
            long[] p = await(part);
            worst[0] = Math.max(worst[0], p[0]);
            worst[1] = Math.max(worst[1], p[1]);
        }
        return worst;
    }

    /**
     * Counts, over all clients, the given seqs of each client's topic that the client has not received (runs on every
     * event loop). For publishes whose fate is unknown: those of their deliveries that never arrived.
     *
     * @param seqsByTopic topic name → seqs
     */
    public long countMissing(java.util.Map<String, long[]> seqsByTopic) {
        if (seqsByTopic.isEmpty()) {
            return 0;
        }
        List<Future<Long>> parts = new ArrayList<>();
        EventLoop[] loops = engine.eventLoops();
        for (int i = 0; i < loops.length; i++) {
            List<SimulatedClient> onLoop = clientsByLoop.get(i);
            parts.add(loops[i].submit(() -> {
                long count = 0;
                for (SimulatedClient c : onLoop) {
                    for (long seq : seqsByTopic.getOrDefault(c.topic(), new long[0])) {
                        if (c.isMissing(seq)) {
                            count++;
                        }
                    }
                }
                return count;
            }));
        }
        long sum = 0;
        for (Future<Long> part : parts) {
            sum += await(part);
        }
        return sum;
    }

    /**
     * Stops reconnecting and closes every connection gracefully (WebSocket close handshake), waiting up to 10 s for
     * them to close, then forcing the rest. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeWaitMillis = Math.max(CLOSE_TIMEOUT_MILLIS,
                Math.max(0, clientCount - 10_000) * CLOSE_MILLIS_PER_CONNECTION + CLOSE_TIMEOUT_MILLIS);
        EventLoop[] loops = engine.eventLoops();
        onEveryClient(SimulatedClient::close);
        // each connection's own timer closes it at closeWaitMillis; this wait ends a second after, for stragglers
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(closeWaitMillis + 1_000);
        while (openChannels.get() > 0 && System.nanoTime() < deadline) {
            sleepMillis(5);
        }
        int left = openChannels.get();
        if (left > 0) {
            forcedCloses.add(left);
            closeEveryConnectionNow();
        }
        // let channelInactive handlers (queued behind the close) run before a following snapshot
        for (EventLoop loop : loops) {
            await(loop.submit(() -> { }));
        }
    }

    /** Ends one connection gracefully, within this group's close wait; one the server did not end is counted. */
    void closeGracefully(io.netty.channel.Channel channel) {
        protocol.closeGracefully(channel, closeWaitMillis, forcedCloses::increment);
    }

    /**
     * Connections the clients closed at {@link #close()} after waiting {@link #closeWaitMillis()} for the server to
     * end them: bytes the server wrote to them afterwards were never read.
     */
    public long forcedCloses() {
        return forcedCloses.sum();
    }

    /** How long {@link #close()} waits for the server to end each connection, in milliseconds. */
    public long closeWaitMillis() {
        return closeWaitMillis;
    }

    /**
     * Closes every open connection abruptly (no close handshake), as a network failure would; the clients count an
     * error, reconnect after their backoff and resume from their cursors. For resume tests and fault injection.
     */
    public void dropConnections() {
        closeEveryConnectionNow();
    }

    /** Closes every client's connection at once, without a close handshake, on the clients' own loops. */
    private void closeEveryConnectionNow() {
        onEveryClient(SimulatedClient::closeConnectionNow);
    }

    /** Runs an action on every client, on the client's own event loop, and waits for all of them. */
    private void onEveryClient(java.util.function.Consumer<SimulatedClient> action) {
        EventLoop[] loops = engine.eventLoops();
        List<Future<?>> parts = new ArrayList<>();
        for (int i = 0; i < loops.length; i++) {
            List<SimulatedClient> onLoop = clientsByLoop.get(i);
            parts.add(loops[i].submit(() -> onLoop.forEach(action)));
        }
        parts.forEach(ClientGroup::await);
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get(TASK_TIMEOUT_SEC, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the client event loops", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("client event loop task failed or did not finish in " + TASK_TIMEOUT_SEC + " s", e);
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing clients", e);
        }
    }

    void channelOpened(Channel ch) {
        openChannels.incrementAndGet();
        ch.closeFuture().addListener(channelClosed);
    }

    void clientConnected(boolean up) {
        if (up) {
            connected.incrementAndGet();
        } else {
            connected.decrementAndGet();
        }
    }

    void limitReached(String description) {
        if (limitError == null) {
            limitError = description;
        }
    }

    private record RequestWriterKey(UrlTemplate template, String topic, RequestKind kind) {
    }

    HttpRequestWriter requestWriter(UrlTemplate template, String topic, RequestKind kind) {
        return requestWriters.computeIfAbsent(new RequestWriterKey(template, topic, kind), k -> {
            ClientHeaders headers = settings.headers();
            return new HttpRequestWriter(template, topic, headers.block(kind, template), headers.names(kind));
        });
    }

    /**
     * The same address with its host string held once: Netty builds each connection's remote address from the requested
     * one's host string, which an address resolved from a literal makes anew on every call (~50 B a connection).
     */
    private static InetSocketAddress withSharedHostString(InetSocketAddress address) {
        if (address.isUnresolved()) {
            return address;
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address.getHostString(), address.getAddress().getAddress()),
                    address.getPort());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + address.getAddress().getAddress().length + " bytes", e);
        }
    }

    Bootstrap bootstrap(EventLoop loop) {
        return bootstrap.clone(loop);
    }

    InetSocketAddress remoteAddress() {
        return remote;
    }

    /** The address of server instance {@code index} (0 = the only one without a broker). */
    InetSocketAddress remoteAddress(int instance) {
        return instanceAddresses.get(instance);
    }

    /** The local address to bind for this client: one of the engine's loopback sources, or null (any). */
    InetSocketAddress sourceAddress(int clientId) {
        return spreadSources ? engine.sourceAddress(clientId) : null;
    }

    Strategy strategy() {
        return strategy;
    }

    ClientTarget target() {
        return target;
    }

    UrlTemplate template() {
        return template;
    }

    ClientSettings settings() {
        return settings;
    }

    DeliveryListener listener() {
        return listener;
    }

    ClientProtocol protocol() {
        return protocol;
    }

    /** Counts summed on one event loop. */
    static final class Totals {
        long requests;
        long emptyResponses;
        long connects;
        long reconnects;
        long errors;
        long delivered;
        long missing;
        long duplicates;
        long outOfOrder;
        long lost;
        final ByteTally bytes = new ByteTally();

        void add(Totals o) {
            requests += o.requests;
            emptyResponses += o.emptyResponses;
            connects += o.connects;
            reconnects += o.reconnects;
            errors += o.errors;
            delivered += o.delivered;
            missing += o.missing;
            duplicates += o.duplicates;
            outOfOrder += o.outOfOrder;
            lost += o.lost;
            bytes.add(o.bytes);
        }
    }
}
