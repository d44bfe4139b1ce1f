package io.pushbench.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/** A handler for the {@link RoutedRequest}s of one route; other messages pass it by. */
public abstract class RouteHandler extends SimpleChannelInboundHandler<RoutedRequest> {

    private final Route route;

    protected RouteHandler(Route route) {
        super(RoutedRequest.class, false);   // the router owns and releases the request
        this.route = route;
    }

    @Override
    public boolean acceptInboundMessage(Object msg) {
        return msg instanceof RoutedRequest r && r.route() == route;
    }

    @Override
    protected abstract void channelRead0(ChannelHandlerContext ctx, RoutedRequest request) throws Exception;
}
