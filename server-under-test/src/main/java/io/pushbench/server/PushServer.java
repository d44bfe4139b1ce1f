package io.pushbench.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.pushbench.model.Strategy;
import io.pushbench.model.WallClock;
import io.pushbench.server.broker.Broker;
import io.pushbench.server.broker.BrokerIngress;
import io.pushbench.server.broker.BrokerKind;
import io.pushbench.server.broker.BrokerMetrics;
import io.pushbench.server.broker.BrokerUnavailableException;
import io.pushbench.server.broker.Brokers;
import io.pushbench.server.http.ServerContext;
import io.pushbench.server.http.ServerInitializer;
import io.pushbench.server.log.MessageLog;
import io.pushbench.server.metrics.ServerCounters;
import io.pushbench.server.metrics.ServerThreads;
import io.pushbench.server.push.TopicWakeups;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The server under test: one Netty server on one port serving short polling, long polling, SSE and
 * WebSocket from one {@link MessageLog}, counting what it does. With a broker ({@code --broker}), publishes go
 * through it and the log holds what the broker delivers, so several instances serve the same topics.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (PushServer server = new PushServer(PushServerConfig.builder().build())) {
 *     InetSocketAddress address = server.start();          // port 0 = a free port
 *     server.publish("prices", "42.0".getBytes(UTF_8));
 *     ServerMetrics metrics = server.metrics();
 * }
 * }</pre>
 */
public final class PushServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PushServer.class.getName());

    private final PushServerConfig config;
    private final MessageLog log;
    private final ServerCounters counters = new ServerCounters();
    private final ServerThreads threads = new ServerThreads();
    private final NettyTransport transport;
    private final Broker broker;
    private final BrokerIngress ingress;
    private final ChannelGroup channels = new DefaultChannelGroup("pushbench-server", GlobalEventExecutor.INSTANCE);
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private Channel serverChannel;

    /**
     * @throws IllegalStateException when the config forces a transport that cannot load
     */
    public PushServer(PushServerConfig config) {
        this.config = config;
        this.log = new MessageLog(config.retention(), config.maxTopics());
        this.transport = NettyTransport.choose(config.transport());
        this.broker = Brokers.create(config.broker(), threads.factory("broker"));
        this.ingress = new BrokerIngress(log);
    }

    /**
     * Binds and starts serving.
     *
     * @return the bound address (with the real port when the config asked for port 0)
     * @throws IllegalStateException when already started, or when binding fails (the cause says why)
     * @throws BrokerStartException when the broker cannot be reached (the message names it)
     */
    public synchronized InetSocketAddress start() {
        if (serverChannel != null) {
            throw new IllegalStateException("server already started on " + serverChannel.localAddress());
        }
        try {
            broker.start(ingress);     // before binding: a client never meets a server whose broker is missing
        } catch (BrokerUnavailableException e) {
            broker.close();
            throw new BrokerStartException(e.getMessage(), e);
        }
        if (broker.kind() != BrokerKind.MEMORY) {
            // a topic's readers are owed what is published from when this instance knew it: anchor it there, so
            // what an outage keeps from this instance before its first message is a gap, not silence
            log.onNewTopic(topic -> broker.headSeq(topic.name()).thenAccept(topic::anchorAt));
        }
        bossGroup = new MultiThreadIoEventLoopGroup(config.bossThreads(), threads.factory("boss"),
                transport.ioHandlers().get());
        workerGroup = new MultiThreadIoEventLoopGroup(config.workerThreads(), threads.factory("worker"),
                transport.ioHandlers().get());
        ServerContext context = new ServerContext(config, log, new TopicWakeups(config.writeDelay()), counters, this::metrics,
                broker);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(
                        config.writeBufferLowWaterMarkBytes(), config.writeBufferHighWaterMarkBytes()))
                .childHandler(new ServerInitializer(context, channels));
        try {
            serverChannel = bootstrap.bind(config.bindAddress(), config.port()).sync().channel();
        } catch (Exception e) {
            shutdownGroups();
            broker.close();
            throw new IllegalStateException("cannot bind " + config.bindAddress() + ":" + config.port() + ": " + e, e);
        } 
        InetSocketAddress address = address();
        LOG.info(() -> "pushbench server listening on " + address + " (transport " + transport.name() + ")");
        return address;
    }

    /** The bound address; null before {@link #start()}. */
    public InetSocketAddress address() {
        return serverChannel == null ? null : (InetSocketAddress) serverChannel.localAddress();
    }

    /** The transport in use: {@code epoll} or {@code nio}. */
    public String transport() {
        return transport.name();
    }

    /** The config the server runs with. */
    public PushServerConfig config() {
        return config;
    }

    /** The message log (for in-process subscribers, tests and benchmarks). */
    public MessageLog log() {
        return log;
    }

    /**
     * Publishes a message in-process, as {@code POST /publish/{topic}} does, through the broker (waiting for its
     * seq). Thread-safe.
     *
     * @param payload kept by reference: do not change it afterwards
     * @return the message's sequence number
     * @throws IllegalArgumentException for an invalid topic name
     * @throws io.pushbench.server.broker.BrokerPublishException when the broker did not take it
     */
    public long publish(String topic, byte[] payload) {
        if (broker.kind() == BrokerKind.MEMORY) {
            return log.publish(topic, payload);
        }
        try {
            return broker.publish(log.topic(topic), payload, WallClock.nowEpochMicros()).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** What the broker connection did since start. */
    public BrokerMetrics brokerMetrics() {
        return ingress.snapshot(broker.kind());
    }

    /** A snapshot of every counter, the server threads' CPU time and the outbound buffers. */
    public ServerMetrics metrics() {
        Map<Strategy, TrafficCounts> byStrategy = new EnumMap<>(Strategy.class);
        for (Strategy s : Strategy.values()) {
            byStrategy.put(s, counters.bucket(s).snapshot());
        }
        long total = 0;
        long max = 0;
        for (Channel ch : channels) {
            long pending = pendingOutboundBytes(ch);
            total += pending;
            max = Math.max(max, pending);
        }
        return new ServerMetrics(transport.name(), byStrategy, counters.control().snapshot(), threads.cpuNanos(),
                total, max, brokerMetrics());
    }

    /** Bytes waiting in all connections' outbound buffers now (Netty's count, with its per-entry overhead). */
    public long outboundBufferedBytes() {
        return metrics().outboundBufferedBytes();
    }

    /** The largest outbound buffer of any one connection now, in bytes. */
    public long maxConnectionOutboundBufferedBytes() {
        return metrics().maxConnectionOutboundBufferedBytes();
    }

    /** The CPU time the server's threads used so far, nanoseconds (ThreadMXBean); -1 when unmeasurable. */
    public long serverCpuNanos() {
        return threads.cpuNanos();
    }

    private static long pendingOutboundBytes(Channel ch) {
        ChannelOutboundBuffer buffer = ch.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    /** Stops accepting, closes every connection and stops the server's threads. Idempotent. */
    @Override
    public synchronized void close() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
        }
        channels.close().awaitUninterruptibly();
        shutdownGroups();
        broker.close();
    }

    private void shutdownGroups() {
        if (bossGroup != null) {
            bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        if (workerGroup != null) {
            workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
