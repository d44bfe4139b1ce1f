package io.pushbench.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.pushbench.server.metrics.ConnectionAccount;

/** Serves a connection over the connection cap: answers its first request {@code 503} and closes. */
public final class ConnectionCapHandler extends SimpleChannelInboundHandler<HttpRequest> {

    private final int maxConnections;

    public ConnectionCapHandler(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpRequest request) {
        ConnectionAccount.of(ctx.channel()).bucket().countRequest();
        Responses.sendTextAndClose(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE,
                "connection cap reached: the server holds at most " + maxConnections + " connections; retry later");
    }
}
