package io.pushbench.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Sends complete HTTP/1.1 responses with the right {@code Content-Length} and keep-alive handling. */
public final class Responses {

    private Responses() {
    }

    /** A {@code text/plain} response whose body is {@code text} and a line end. */
    public static FullHttpResponse text(HttpResponseStatus status, String text) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(text + "\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN + "; charset=utf-8");
        return response;
    }

    /** Sends a text response and keeps the connection open when {@code keepAlive}. */
    public static ChannelFuture sendText(ChannelHandlerContext ctx, HttpResponseStatus status, String text,
            boolean keepAlive) {
        return send(ctx, text(status, text), keepAlive);
    }

    /** Sends a text response, then closes the connection. */
    public static ChannelFuture sendTextAndClose(ChannelHandlerContext ctx, HttpResponseStatus status, String text) {
        return send(ctx, text(status, text), false);
    }

    /** How long a connection answered with an error before its request was read stays open to drain input. */
    static final long DRAIN_MILLIS = 2000;

    /**
     * Sends a text response to a request that was not read whole, then closes gracefully: half-closes
     * (the client reads the answer and an end of stream), keeps reading and discarding what the client is
     * still sending for up to {@link #DRAIN_MILLIS}, then closes. Closing with unread input instead makes
     * the kernel send a reset that can destroy the answer before the client read it.
     */
    public static void sendTextAndDrain(ChannelHandlerContext ctx, HttpResponseStatus status, String text) {
        FullHttpResponse response = text(status, text);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(f -> {
            if (f.isSuccess() && ctx.channel() instanceof DuplexChannel duplex) {
                duplex.shutdownOutput();
                ctx.channel().config().setAutoRead(true);
                ctx.executor().schedule(() -> ctx.close(), DRAIN_MILLIS, TimeUnit.MILLISECONDS);
            } else {
                ctx.close();
            }
        });
    }

    /**
     * Sends a complete response; sets {@code Content-Length} (except on 204 and 1xx, which have none)
     * and {@code Connection: close} when not keeping the connection alive, then closes it after the write.
     */
    public static ChannelFuture send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        int code = response.status().code();
        if (code != 204 && code >= 200) {
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        }
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        return written;
    }
}
