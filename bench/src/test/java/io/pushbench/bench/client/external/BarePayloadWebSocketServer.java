package io.pushbench.bench.client.external;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket server that is not pushbench's: every message goes to every client as one TEXT (or BINARY) frame holding
 * only the payload (no seq, no notices), as many push servers do; it can ping its clients and counts their pongs.
 * Built on Netty's server protocol handler.
 */
final class BarePayloadWebSocketServer implements AutoCloseable {
    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup subscribers = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel server;
    /** The application data of the pings this server sends. */
    static final String PING_DATA = "hi";
    /** Pongs received that answered those pings. */
    final java.util.concurrent.atomic.AtomicInteger pongs = new java.util.concurrent.atomic.AtomicInteger();

    private final boolean binaryFrames;

    /** @param binaryFrames send payloads in BINARY frames instead of TEXT frames */
    BarePayloadWebSocketServer(boolean binaryFrames) throws InterruptedException {
        this.binaryFrames = binaryFrames;
        server = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath("/ws").checkStartsWith(true).allowExtensions(true)
                                        .dropPongFrames(false).build()),
                                new SimpleChannelInboundHandler<WebSocketFrame>() {
                                    @Override
                                    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                                        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                                            subscribers.add(ctx.channel());
                                        }
                                        ctx.fireUserEventTriggered(evt);
                                    }

                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
                                        if (frame instanceof PongWebSocketFrame pong
                                                && pong.content().toString(StandardCharsets.US_ASCII).equals(PING_DATA)) {
                                            pongs.incrementAndGet();
                                        }
                                    }
                                });
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    int subscribers() {
        return subscribers.size();
    }

    void publish(byte[] payload) {
        WebSocketFrame frame = binaryFrames ? new BinaryWebSocketFrame(Unpooled.wrappedBuffer(payload))
                : new TextWebSocketFrame(new String(payload, StandardCharsets.US_ASCII));
        subscribers.writeAndFlush(frame).awaitUninterruptibly();
    }

    /** Pings every subscriber with {@link #PING_DATA}. */
    void ping() {
        subscribers.writeAndFlush(new PingWebSocketFrame(Unpooled.copiedBuffer(PING_DATA, StandardCharsets.US_ASCII)))
                .awaitUninterruptibly();
    }

    @Override
    public void close() {
        server.close().awaitUninterruptibly();
        subscribers.close().awaitUninterruptibly();
        loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
