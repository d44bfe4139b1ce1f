package io.pushbench.server.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionEncoder;
import io.pushbench.model.Strategy;
import io.pushbench.server.http.ServerContext;
import io.pushbench.server.log.Message;
import io.pushbench.server.log.TopicLog;
import io.pushbench.server.metrics.TrafficCounters;
import io.pushbench.server.push.BatchWrite;
import io.pushbench.server.push.PushCursor;
import io.pushbench.server.push.PushSink;
import io.pushbench.server.wire.WebSocketMessageEncoder;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket connection after its handshake, confined to its event loop: pushes one binary frame per
 * message with a {@link PushCursor}, answers pings, honours the close handshake, and ignores data frames
 * from the client (the decoder already closed with 1009 on an oversized one).
 *
 * <p>Without extensions a server frame is the same bytes for every client, so the frames of a batch are
 * written into one buffer here ({@link WebSocketMessageEncoder#encodeFrame}) and pass Netty's frame
 * encoder untouched: one outbound entry and one completion per batch instead of two entries and a
 * completion per frame. With permessage-deflate each frame goes through the extension's encoder.
 */
public final class WebSocketStreamHandler extends SimpleChannelInboundHandler<WebSocketFrame> implements PushSink {

    /** The name of this handler in the pipeline. */
    public static final String NAME = "ws-stream";

    /** Outbound-buffer bytes besides the data: frame header (at most 10 bytes from a server) and two entry overheads. */
    private static final int FRAME_OUTBOUND_BYTES = 10 + 2 * 96;
    /** Netty's outbound-buffer overhead of one entry (one batch of frames written in place). */
    private static final int ENTRY_OUTBOUND_BYTES = 96;
    /** How long a slow reader has to take the close frame (queued behind its unread data) before the TCP close. */

    private final ServerContext context;
    private final WebSocketServerHandshaker handshaker;
    private final TopicLog topic;
    private final long after;
    private final TrafficCounters counters;
    private final ChannelFutureListener countOne;
    private ChannelHandlerContext ctx;
    private PushCursor cursor;
    private boolean framesInPlace;

    WebSocketStreamHandler(ServerContext context, WebSocketServerHandshaker handshaker, TopicLog topic, long after) {
        this.context = context;
        this.handshaker = handshaker;
        this.topic = topic;
        this.after = after;
        this.counters = context.counters().bucket(Strategy.WEBSOCKET);
        this.countOne = f -> {
            if (f.isSuccess()) {
                counters.countDelivered(1);
            }
        };
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** Starts pushing once the {@code 101} went out. */
    void start() {
        framesInPlace = ctx.pipeline().get(WebSocketExtensionEncoder.class) == null;
        cursor = new PushCursor(context.wakeups(), ctx.channel(), topic, after, context.config().batchLimit(),
                context.config().slowConsumerTimeout().toNanos(), this);
        cursor.start();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        } else if (frame instanceof CloseWebSocketFrame) {
            stopCursor();
            handshaker.close(ctx.channel(), (CloseWebSocketFrame) frame.retain());
        }
        // text, binary, continuation and pong frames from the client carry nothing for this server
    }

    @Override
    public int outboundBytes(Message message) {
        return framesInPlace ? WebSocketMessageEncoder.frameBytes(message)
                : WebSocketMessageEncoder.dataBytes(message) + FRAME_OUTBOUND_BYTES;
    }

    @Override
    public int outboundBytesPerWrite() {
        return framesInPlace ? ENTRY_OUTBOUND_BYTES : 0;
    }

    @Override
    public void writeLost(long lostCount, long lastLostSeq) {
        ctx.write(new TextWebSocketFrame(WebSocketMessageEncoder.lostNotice(lostCount, lastLostSeq)));
    }

    @Override
    public ChannelFuture writeMessages(List<Message> messages) {
        if (framesInPlace) {
            return BatchWrite.write(ctx, messages, WebSocketMessageEncoder::frameBytes,
                    WebSocketMessageEncoder::encodeFrame, BatchWrite.Framing.NONE, counters);
        }
        ChannelFuture last = null;
        for (Message m : messages) {
            ByteBuf data = ctx.alloc().buffer(WebSocketMessageEncoder.dataBytes(m));
            WebSocketMessageEncoder.encodeData(m, data);
            last = ctx.write(new BinaryWebSocketFrame(data)).addListener(countOne);
        }
        return last;
    }

    @Override
    public void closeSlow(String reason) {
        ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, reason))
                .addListener(ChannelFutureListener.CLOSE);
        // a reader that stopped reading never takes the close frame: close anyway after a grace period
        ctx.executor().schedule(() -> ctx.close(), context.config().slowConsumerCloseGrace().toNanos(),
                TimeUnit.NANOSECONDS);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == WebSocketFrameRules.FrameRuleBroken.INSTANCE) {
            stopCursor();   // the rules' close frame is the last frame this connection gets
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stopCursor();
        ctx.fireChannelInactive();
    }

    private void stopCursor() {
        if (cursor != null) {
            cursor.stop();
        }
    }
}
