package io.pushbench.server.shortpoll;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.pushbench.model.Strategy;
import io.pushbench.server.http.Route;
import io.pushbench.server.http.RouteHandler;
import io.pushbench.server.http.RoutedRequest;
import io.pushbench.server.http.ServerContext;

/** Short polling: answers {@code GET /poll/{topic}?after=N} at once from the log. Stateless. */
@Sharable
public final class ShortPollHandler extends RouteHandler {

    private final ServerContext context;

    public ShortPollHandler(ServerContext context) {
        super(Route.POLL);
        this.context = context;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RoutedRequest request) {
        BatchAnswer.send(ctx, request.topic().read(request.after(), context.config().batchLimit()),
                request.keepAlive(), context.counters().bucket(Strategy.SHORT_POLLING));
    }
}
