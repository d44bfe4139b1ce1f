package io.pushbench.bench.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.pushbench.bench.client.longpoll.LongPollClient;
import io.pushbench.bench.client.shortpoll.ShortPollClient;
import io.pushbench.bench.client.sse.SseClient;
import io.pushbench.bench.client.websocket.WsClient;
import io.pushbench.model.Strategy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs thousands of simulated clients on a few event loops (never a thread per client). One engine serves any number
 * of {@link ClientGroup}s, one after another or at once.
 *
 * <p>Transport: native epoll when {@link Epoll#isAvailable()} (and preferred), else NIO; {@link #transportName()}
 * says which. Event loop threads are named {@value #THREAD_NAME_PREFIX}{@code <pool>-<n>} so the load generator can
 * account client CPU by thread name. Connections to an IPv4 loopback target are bound round-robin to source
 * addresses 127.0.0.1 .. 127.0.0.N, each with its own ephemeral port range.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (ClientEngine engine = new ClientEngine(ClientEngineConfig.DEFAULTS)) {
 *     ClientGroup g = engine.start(Strategy.WEBSOCKET, ClientTarget.pushbench("127.0.0.1", port), 1000,
 *             id -> "t" + id, ClientSettings.DEFAULTS, listener);
 *     ...
 *     g.close();
 * }
 * }</pre>
 */
public final class ClientEngine implements AutoCloseable {
    /** The name prefix of every client event loop thread. */
    public static final String THREAD_NAME_PREFIX = "pushbench-client-";

    private final EventLoopGroup group;
    private final EventLoop[] loops;
    private final boolean epoll;
    private final InetSocketAddress[] sourceAddresses;

    public ClientEngine(ClientEngineConfig config) {
        ResourceLimitDiagnosis.prepare();
        ClassPreloader.preload();
        this.epoll = config.preferNativeTransport() && Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        // daemon threads: a forgotten engine must not keep the JVM alive
        this.group = new MultiThreadIoEventLoopGroup(config.eventLoopThreads(),
                new DefaultThreadFactory(THREAD_NAME_PREFIX.substring(0, THREAD_NAME_PREFIX.length() - 1), true), io);
        List<EventLoop> list = new ArrayList<>();
        for (EventExecutor e : group) {
            list.add((EventLoop) e);
        }
        this.loops = list.toArray(new EventLoop[0]);
        this.sourceAddresses = new InetSocketAddress[config.sourceAddressCount()];
        for (int i = 0; i < sourceAddresses.length; i++) {
            try {
                sourceAddresses[i] = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (i + 1)}), 0);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // cannot happen for a 4-byte address
            }
        }
    }

    /**
     * Starts a group of clients; connections open at the settings' ramp-up rate. Returns at once.
     *
     * @param strategy      which client to run
     * @param target        where to connect (must have a URL template for the strategy)
     * @param clients       how many clients, &gt;= 1
     * @param topicOfClient the topic of client 0 .. clients-1 (e.g. {@code id -> "t"} for broadcast)
     * @param settings      poll interval, deflate, ramp-up, start cursor, backoff
     * @param listener      receives deliveries, losses, connects and errors on the client event loops
     */
    public ClientGroup start(Strategy strategy, ClientTarget target, int clients, IntFunction<String> topicOfClient,
                             ClientSettings settings, DeliveryListener listener) {
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be >= 1, got " + clients);
        }
        Objects.requireNonNull(listener, "listener");
        ClientGroup g = new ClientGroup(this, strategy, target, clients, topicOfClient, settings, listener,
                protocolOf(strategy));
        g.start();
        return g;
    }

    private static ClientProtocol protocolOf(Strategy strategy) {
        return switch (strategy) {
            case SHORT_POLLING -> new ShortPollClient();
            case LONG_POLLING -> new LongPollClient();
            case SSE -> new SseClient();
            case WEBSOCKET -> new WsClient();
        };
    }

    /** {@code "epoll"} or {@code "nio"}: the transport the clients use. */
    public String transportName() {
        return epoll ? "epoll" : "nio";
    }

    /** The client event loops; client {@code id} lives on {@code eventLoops()[id % length]}. */
    EventLoop[] eventLoops() {
        return loops;
    }

    InetSocketAddress sourceAddress(int clientId) {
        return sourceAddresses[clientId % sourceAddresses.length];
    }

    private static final AdaptiveRecvByteBufAllocator RECEIVE_BUFFER_SIZES = new AdaptiveRecvByteBufAllocator();

    /** A bootstrap for the clients' connections; the connect timeout is each client's own (SimulatedClient). */
    Bootstrap newBootstrap() {
        Class<? extends SocketChannel> channelClass = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        Bootstrap b = new Bootstrap().group(group).channel(channelClass)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 0)
                // one allocator for all connections (each still adapts its own read size): not one per channel
                .option(ChannelOption.RCVBUF_ALLOCATOR, RECEIVE_BUFFER_SIZES);
        if (epoll) {
            // choose the port at connect time, per 4-tuple, instead of reserving one per source address at bind time
            b.option(EpollChannelOption.IP_BIND_ADDRESS_NO_PORT, true);
        }
        return b;
    }

    /** Shuts the event loops down (close the groups first for graceful WebSocket closes). */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
