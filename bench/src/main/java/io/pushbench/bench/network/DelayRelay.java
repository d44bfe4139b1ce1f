package io.pushbench.bench.network;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A user-space link emulator: a TCP relay that holds every chunk it reads for a fixed one-way delay before writing
 * it on, in both directions, so a request and its answer cost one round trip more. A connection's two sides share
 * one event loop, so chunks (and the close that follows them) keep their order.
 *
 * <p>What it models: propagation delay of each direction, including the dead time between a long poll's answer and
 * the next request. What it does not: packet loss (a byte stream cannot lose bytes), bandwidth, TCP's own reaction
 * to the round trip (slow start, congestion window, retransmits: both legs are loopback), the connect handshake's
 * round trip (a connect completes on loopback; the first bytes are delayed). Use {@code tc netem} for those.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (DelayRelay relay = DelayRelay.start(new InetSocketAddress("127.0.0.1", serverPort), Duration.ofMillis(50))) {
 *     // clients connect to relay.address(): every byte arrives 50 ms later in each direction
 * }
 * }</pre>
 */
public final class DelayRelay implements AutoCloseable {

    private static final int THREADS = 2;
    /** How long a side whose peer closed stays open for reading after the FIN was passed on. */
    private static final long CLOSE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final EventLoopGroup group;
    private final Channel server;
    private final AtomicLong connections = new AtomicLong();
    /** Bytes read from a client that could not be written to the server (it had closed), and the other way. */
    private final AtomicLong droppedUpBytes = new AtomicLong();
    private final AtomicLong droppedDownBytes = new AtomicLong();

    private DelayRelay(EventLoopGroup group, Channel server) {
        this.group = group;
        this.server = server;
    }

    /**
     * Listens on 127.0.0.1 (an ephemeral port) and relays each accepted connection to {@code upstream}.
     *
     * @param oneWayDelay added to every chunk in each direction; zero = a plain relay
     * @throws IOException when it cannot listen
     */
    public static DelayRelay start(InetSocketAddress upstream, Duration oneWayDelay) throws IOException {
        return start(new InetSocketAddress("127.0.0.1", 0), upstream, oneWayDelay);
    }

    /** As {@link #start(InetSocketAddress, Duration)}, listening on {@code listen}. */
    public static DelayRelay start(InetSocketAddress listen, InetSocketAddress upstream, Duration oneWayDelay) throws IOException {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(THREADS, new DefaultThreadFactory("pushbench-relay", true), io);
        Class<? extends ServerChannel> serverType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        Class<? extends SocketChannel> clientType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        long delayNanos = oneWayDelay.toNanos();
        DelayRelay[] self = new DelayRelay[1];
        try {
            Channel server = new ServerBootstrap().group(group).channel(serverType)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .childOption(ChannelOption.AUTO_READ, false)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel front) {
                            self[0].connections.incrementAndGet();
                            front.pipeline().addLast(new FrontHandler(upstream, delayNanos, clientType,
                                    self[0].droppedUpBytes, self[0].droppedDownBytes));
                        }
                    }).bind(listen).sync().channel();
            self[0] = new DelayRelay(group, server);
            return self[0];
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("the delay relay cannot listen on " + listen + ": " + e.getMessage(), e);
        }
    }

    /** Where clients connect. */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    /** Connections accepted so far. */
    public long connections() {
        return connections.get();
    }

    /**
     * Bytes the clients wrote that never reached the server, because the server's side had closed when their delay
     * ended.
     */
    public long droppedUpBytes() {
        return droppedUpBytes.get();
    }

    /**
     * Bytes the server wrote that never reached a client, because the client had closed (or closed before the
     * relay's upstream connection was made) when their delay ended: in flight on the link at the close.
     */
    public long droppedDownBytes() {
        return droppedDownBytes.get();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The client's side: opens the upstream connection on the same event loop, then relays. */
    private static final class FrontHandler extends ChannelInboundHandlerAdapter {
        private final InetSocketAddress upstream;
        private final long delayNanos;
        private final Class<? extends SocketChannel> clientType;
        private final AtomicLong droppedUp;
        private final AtomicLong droppedDown;

        FrontHandler(InetSocketAddress upstream, long delayNanos, Class<? extends SocketChannel> clientType,
                     AtomicLong droppedUp, AtomicLong droppedDown) {
            this.upstream = upstream;
            this.delayNanos = delayNanos;
            this.clientType = clientType;
            this.droppedUp = droppedUp;
            this.droppedDown = droppedDown;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel front = ctx.channel();
            new Bootstrap().group(front.eventLoop()).channel(clientType)
                    .option(ChannelOption.AUTO_READ, false)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel back) {
                            back.pipeline().addLast(new DelayingForwarder(front, delayNanos, droppedDown));
                        }
                    })
                    .connect(upstream).addListener((ChannelFutureListener) f -> {
                        if (!f.isSuccess()) {
                            front.close();
                            return;
                        }
                        front.pipeline().addLast(new DelayingForwarder(f.channel(), delayNanos, droppedUp));
                        front.pipeline().remove(this);
                        front.read();
                        f.channel().read();
                    });
        }
    }

    /**
     * Forwards what one side reads to the other side after the delay; a close follows the last chunk. Reads stop
     * while the other side cannot take more (back pressure), and go on when it can.
     */
    private static final class DelayingForwarder extends ChannelInboundHandlerAdapter {
        private final Channel other;
        private final long delayNanos;
        private final AtomicLong dropped;

        DelayingForwarder(Channel other, long delayNanos, AtomicLong dropped) {
            this.other = other;
            this.delayNanos = delayNanos;
            this.dropped = dropped;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            int bytes = ((io.netty.buffer.ByteBuf) msg).readableBytes();
            if (!other.isActive()) {
                // the other end is gone already: counted now, so the count is complete when the server sees the close
                dropped.addAndGet(bytes);
                io.netty.util.ReferenceCountUtil.release(msg);
                return;
            }
            later(ctx, () -> other.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
                if (!f.isSuccess()) {
                    dropped.addAndGet(bytes);
                    f.channel().close();
                    ctx.channel().close();
                }
            }));
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (other.isWritable() || !other.isActive()) {
                ctx.read();
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            // this channel drained: the other side may read again
            if (ctx.channel().isWritable()) {
                other.read();
            }
            ctx.fireChannelWritabilityChanged();
        }

        /**
         * This side closed: after the delay the other side gets a FIN (a half close, as the close would arrive across
         * a network) and is closed a grace later, reading until then, so whatever its peer still writes is counted as
         * dropped instead of vanishing in a reset.
         */
        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            later(ctx, () -> other.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) f -> {
                if (other instanceof io.netty.channel.socket.DuplexChannel duplex && other.isActive()) {
                    duplex.shutdownOutput();
                    other.eventLoop().schedule(() -> other.close(), CLOSE_GRACE_NANOS + delayNanos, TimeUnit.NANOSECONDS);
                } else {
                    other.close();
                }
            }));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();   // a reset by one side: the other side sees the close after the delay
        }

        private void later(ChannelHandlerContext ctx, Runnable action) {
            if (delayNanos == 0) {
                action.run();
            } else {
                ctx.executor().schedule(action, delayNanos, TimeUnit.NANOSECONDS);
            }
        }
    }
}
