package io.pushbench.server.websocket;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The RFC 6455 section 5-7 rules for what a client sends, in one place after Netty's frame decoder (which
 * checks framing, masks, reserved bits, opcodes, control frames, fragment order and close codes) and its
 * UTF-8 validator: every violation either of them raises turns into one close frame with its status (1002
 * protocol error, 1007 invalid UTF-8, 1009 too big) and one log line, not a stack trace; and a fragmented
 * message must finish within {@code maxMessageBytes} (else 1009) and the assembly timeout (else 1008).
 */
final class WebSocketFrameRules extends ChannelInboundHandlerAdapter {

    static final String NAME = "ws-rules";

    private static final InternalLogger LOG = InternalLoggerFactory.getInstance(WebSocketFrameRules.class);

    private final long maxMessageBytes;
    private final long assemblyTimeoutNanos;
    private long messageBytes;                 // bytes of the fragmented message being received
    private ScheduledFuture<?> assemblyDeadline;  // non-null while a fragmented message is unfinished
    private boolean closing;

    WebSocketFrameRules(long maxMessageBytes, long assemblyTimeoutNanos) {
        this.maxMessageBytes = maxMessageBytes;
        this.assemblyTimeoutNanos = assemblyTimeoutNanos;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof CloseWebSocketFrame close && !mayBeSent(close)) {
            int code = close.statusCode();
            close.release();
            fail(ctx, WebSocketCloseStatus.PROTOCOL_ERROR, "close code " + code + " may not be sent");
            return;
        }
        if (msg instanceof CloseWebSocketFrame close && !isUtf8(close.content(), 2)) {
            close.release();
            fail(ctx, WebSocketCloseStatus.INVALID_PAYLOAD_DATA, "close reason is not UTF-8");
            return;
        }
        if (msg instanceof WebSocketFrame frame && isData(frame)) {
            messageBytes = frame instanceof ContinuationWebSocketFrame ? messageBytes + frame.content().readableBytes()
                    : frame.content().readableBytes();
            if (messageBytes > maxMessageBytes) {
                frame.release();
                fail(ctx, WebSocketCloseStatus.MESSAGE_TOO_BIG, "message larger than " + maxMessageBytes + " bytes");
                return;
            }
            if (!frame.isFinalFragment() && assemblyDeadline == null) {
                assemblyDeadline = ctx.executor().schedule(() -> unfinished(ctx), assemblyTimeoutNanos, TimeUnit.NANOSECONDS);
            } else if (frame.isFinalFragment()) {
                cancelDeadline();
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** RFC 6455 section 7.4: 1000-2999 as registered (the decoder checks those), 3000-4999 for applications; nothing above. */
    private static boolean mayBeSent(CloseWebSocketFrame close) {
        return close.content().readableBytes() < 2 || close.statusCode() < 5000;
    }

    /** Whether the bytes after {@code offset} are valid UTF-8 (RFC 6455 section 5.5.1: a close reason is). */
    private static boolean isUtf8(ByteBuf content, int offset) {
        if (content.readableBytes() <= offset) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(content.nioBuffer(content.readerIndex() + offset, content.readableBytes() - offset));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Text, binary and continuation frames: what makes up a message. */
    private static boolean isData(WebSocketFrame frame) {
        return frame instanceof ContinuationWebSocketFrame || frame instanceof TextWebSocketFrame
                || frame instanceof BinaryWebSocketFrame;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof CorruptedWebSocketFrameException corrupted) {
            WebSocketCloseStatus status = corrupted.closeStatus() == null ? WebSocketCloseStatus.PROTOCOL_ERROR
                    : corrupted.closeStatus();
            fail(ctx, status, corrupted.getMessage());
        } else {
            LOG.info("closing WebSocket {}: {}", ctx.channel().remoteAddress(), String.valueOf(cause));
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelDeadline();
        ctx.fireChannelInactive();
    }

    private void unfinished(ChannelHandlerContext ctx) {
        assemblyDeadline = null;
        fail(ctx, WebSocketCloseStatus.POLICY_VIOLATION, "fragmented message not finished within "
                + TimeUnit.NANOSECONDS.toMillis(assemblyTimeoutNanos) + " ms");
    }

    /** One log line, one close frame with the status, then the TCP close. */
    private void fail(ChannelHandlerContext ctx, WebSocketCloseStatus status, String reason) {
        cancelDeadline();
        if (closing) {
            return;
        }
        closing = true;
        LOG.info("closing WebSocket {} with {}: {}", ctx.channel().remoteAddress(), status.code(), reason);
        String shortReason = reason == null ? status.reasonText() : reason.substring(0, Math.min(reason.length(), 120));
        ctx.fireUserEventTriggered(FrameRuleBroken.INSTANCE);
        ctx.writeAndFlush(new CloseWebSocketFrame(status, shortReason)).addListener(ChannelFutureListener.CLOSE);
    }

    private void cancelDeadline() {
        if (assemblyDeadline != null) {
            assemblyDeadline.cancel(false);
            assemblyDeadline = null;
        }
    }

    /** Told down the pipeline when this handler closes the connection: the stream stops pushing. */
    enum FrameRuleBroken { INSTANCE }
}
