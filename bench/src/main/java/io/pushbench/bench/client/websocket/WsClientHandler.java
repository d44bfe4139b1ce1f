package io.pushbench.bench.client.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.pushbench.bench.client.ResourceLimitDiagnosis;
import io.pushbench.bench.client.SimulatedClient;
import io.pushbench.bench.client.bytes.ByteLedger;
import io.pushbench.model.ByteCategory;
import io.pushbench.model.Direction;

import java.nio.charset.StandardCharsets;

/**
 * One WebSocket connection: the RFC 6455 handshake (Netty's {@link WebSocketClientHandshaker}), then messages,
 * pongs for pings, and the close handshake.
 *
 * <p>Byte attribution: upgrade request, {@code 101} response and close frames are {@link ByteCategory#HANDSHAKE};
 * ping/pong frames and text notices are {@link ByteCategory#HEARTBEAT}; for a message, frame headers and the
 * {@code <seq> LF} prefix are {@link ByteCategory#FRAMING} and the payload {@link ByteCategory#PAYLOAD}. With
 * {@code permessage-deflate} the seq prefix is compressed together with the payload, so a compressed message's
 * application data counts as {@link ByteCategory#PAYLOAD} as a whole (frame headers stay framing).
 */
public final class WsClientHandler extends SimpleChannelInboundHandler<Object> {
    /** The largest message accepted, in bytes. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /** The pipeline name of the frame encoder Netty's handshake adds. */
    private static final String FRAME_ENCODER = "ws-encoder";

    private final SimulatedClient client;
    /**
     * Until the handshake is done; then dropped, with its URI, key and strings (~600 B a connection: the load
     * generator holds tens of thousands of these).
     */
    private WebSocketClientHandshaker handshaker;
    private final WsWireTally tally = new WsWireTally();
    private boolean closeSent;

    public WsClientHandler(SimulatedClient client, WebSocketClientHandshaker handshaker) {
        this.client = client;
        this.handshaker = handshaker;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client.ledger().writeCategory(ByteCategory.HANDSHAKE);
        client.leftoverCategory(ByteCategory.HANDSHAKE);
        client.requestSent();
        handshaker.handshake(ctx.channel()).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        long receiveNanos = System.nanoTime();
        if (handshaker != null) {
            if (msg instanceof FullHttpResponse response) {
                finishHandshake(ctx, response);
            }
            return;
        }
        if (msg instanceof BinaryWebSocketFrame || msg instanceof TextWebSocketFrame) {
            onMessage((WebSocketFrame) msg, receiveNanos);
        } else if (msg instanceof PingWebSocketFrame ping) {
            client.ledger().writeCategory(ByteCategory.HEARTBEAT);
            ctx.writeAndFlush(WsControlFrames.pong(ctx.alloc(), ping.content()));
        } else if (msg instanceof CloseWebSocketFrame close) {
            onClose(ctx, close);
        }
    }

    private void finishHandshake(ChannelHandlerContext ctx, FullHttpResponse response) {
        try {
            handshaker.finishHandshake(ctx.channel(), response);
        } catch (WebSocketHandshakeException e) {
            client.error("WebSocket handshake failed: " + e.getMessage(), e);
            ctx.close();
            return;
        }
        handshaker = null;
        // Netty's frame decoder copies every payload; the client's decodes in place and assembles fragments
        ctx.pipeline().replace(WsFrameDecoder.NAME, WsFrameDecoder.NAME,
                new WsFrameDecoder(client.ledger(), tally, client.settings().wsDeflate(), MAX_MESSAGE_BYTES));
        if (ctx.pipeline().get(FRAME_ENCODER) != null) {
            ctx.pipeline().remove(FRAME_ENCODER);     // close and pong are written as bytes: WsControlFrames
        }
        client.leftoverCategory(ByteCategory.FRAMING);
        client.connectionReady();
    }

    /**
     * A pushbench server's messages are binary {@code <seq> LF <payload>} or text loss notices. An external server's
     * are told apart per message, so both a pushbench server and one sending bare payloads (text or binary) can be
     * measured: a binary message starting with {@code <digits> LF} carries that prefix, a text message starting with
     * {@code {"lost":} is a notice, anything else is a bare payload (whose own header starts {@code pb1 }).
     */
    private void onMessage(WebSocketFrame frame, long receiveNanos) {
        ByteBuf data = frame.content();
        boolean pushbench = client.target().pushbenchFraming();
        boolean text = frame instanceof TextWebSocketFrame;
        if (text && (pushbench || WsMessageDecoder.isLostNotice(data))) {
            client.ledger().attribute(Direction.DOWN, ByteCategory.HEARTBEAT, tally.headerBytes + tally.dataBytes);
            tally.clear();
            client.lost(WsMessageDecoder.lostOf(data.toString(StandardCharsets.UTF_8)));
            return;
        }
        int prefixStart = data.readerIndex();
        boolean prefixed = !text && (pushbench || WsMessageDecoder.hasSeqPrefix(data));
        long prefixSeq = prefixed ? WsMessageDecoder.readSeqPrefix(data) : -1;
        long seq = pushbench ? prefixSeq : client.target().seqReader().seqOf(data);
        int prefixBytes = data.readerIndex() - prefixStart;
        ByteLedger ledger = client.ledger();
        ledger.attribute(Direction.DOWN, ByteCategory.FRAMING, tally.headerBytes + (tally.compressed ? 0 : prefixBytes));
        ledger.attribute(Direction.DOWN, ByteCategory.PAYLOAD, tally.compressed ? tally.dataBytes : tally.dataBytes - prefixBytes);
        tally.clear();
        client.deliver(seq, data, receiveNanos);
    }

    private void onClose(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
        if (closeSent) {
            ctx.close(); // our close was answered
            return;
        }
        int status = close.statusCode();
        if (status == WebSocketCloseStatus.NORMAL_CLOSURE.code() || status == WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code()) {
            client.expectClose();
        }
        closeSent = true;
        client.ledger().writeCategory(ByteCategory.HANDSHAKE);
        ctx.writeAndFlush(WsControlFrames.close(ctx.alloc(),
                        status < 0 ? WebSocketCloseStatus.NORMAL_CLOSURE.code() : status, null))
                .addListener(ChannelFutureListener.CLOSE);
    }

    /** Starts the close handshake; the server answers with its close frame and closes the connection. */
    void closeGracefully(ChannelHandlerContext ctx) {
        if (handshaker != null || closeSent) {
            ctx.close();
            return;
        }
        closeSent = true;
        client.ledger().writeCategory(ByteCategory.HANDSHAKE);
        ChannelFuture f = ctx.writeAndFlush(WsControlFrames.close(ctx.alloc(), WebSocketCloseStatus.NORMAL_CLOSURE.code(),
                WebSocketCloseStatus.NORMAL_CLOSURE.reasonText()));
        f.addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        client.connectionClosed();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        client.error(ResourceLimitDiagnosis.describe(cause, null), cause);
        ctx.close();
    }
}
