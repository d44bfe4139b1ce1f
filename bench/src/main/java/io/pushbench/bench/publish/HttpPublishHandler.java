package io.pushbench.bench.publish;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;

/** Hands a publish connection's answers and its close to its {@link HttpPublishConnection}. */
final class HttpPublishHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

    private final HttpPublishConnection connection;
    private String failure;

    HttpPublishHandler(HttpPublishConnection connection) {
        this.connection = connection;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
        if (response.decoderResult().isFailure()) {
            failure = "unreadable answer: " + response.decoderResult().cause();
            ctx.close();
            return;
        }
        connection.onResponse(ctx.channel(), response);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connection.onClosed(ctx.channel(), failure == null ? "connection closed" : failure);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failure == null) {
            failure = "connection failed: " + cause;
        }
        ctx.close();
    }
}
