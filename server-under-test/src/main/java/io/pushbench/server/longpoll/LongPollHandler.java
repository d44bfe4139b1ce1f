package io.pushbench.server.longpoll;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.ScheduledFuture;
import io.pushbench.model.Strategy;
import io.pushbench.server.http.Responses;
import io.pushbench.server.http.Route;
import io.pushbench.server.http.RouteHandler;
import io.pushbench.server.http.RoutedRequest;
import io.pushbench.server.http.ServerContext;
import io.pushbench.server.log.LogRead;
import io.pushbench.server.log.TopicLog;
import io.pushbench.server.metrics.TrafficCounters;
import io.pushbench.server.push.Membership;
import io.pushbench.server.shortpoll.BatchAnswer;
import java.util.concurrent.TimeUnit;

/**
 * Long polling, one connection, confined to its event loop: answers {@code GET /long-poll/{topic}?after=N}
 * at once when the log has something newer, else holds the request (subscribed to the topic) until a
 * message arrives or the hold timeout answers {@code 204}.
 */
public final class LongPollHandler extends RouteHandler {

    private final ServerContext context;
    private final TrafficCounters counters;

    private ChannelHandlerContext ctx;
    private TopicLog heldTopic;
    private Membership waiting;
    private long heldAfter;
    private boolean heldKeepAlive;
    private ScheduledFuture<?> holdTimeout;

    public LongPollHandler(ServerContext context) {
        super(Route.LONG_POLL);
        this.context = context;
        this.counters = context.counters().bucket(Strategy.LONG_POLLING);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RoutedRequest request) {
        if (heldTopic != null) {
            // HTTP/1.1 answers in order; a second request before the first is answered is not supported
            Responses.sendTextAndClose(ctx, HttpResponseStatus.BAD_REQUEST,
                    "one long poll at a time per connection: wait for the answer before asking again");
            release();
            return;
        }
        LogRead read = request.topic().read(request.after(), context.config().batchLimit());
        if (!read.isEmpty()) {
            BatchAnswer.send(ctx, read, request.keepAlive(), counters);
            return;
        }
        heldTopic = request.topic();
        heldAfter = request.after();
        heldKeepAlive = request.keepAlive();
        waiting = context.wakeups().join(heldTopic, ctx.executor(), this::answerIfAny);
        holdTimeout = ctx.executor().schedule(this::answerTimeout,
                context.config().longPollHold().toNanos(), TimeUnit.NANOSECONDS);
        answerIfAny();   // a message may have arrived between the read and the subscribe
    }

    private void answerIfAny() {
        if (heldTopic == null) {
            return;
        }
        LogRead read = heldTopic.read(heldAfter, context.config().batchLimit());
        if (!read.isEmpty()) {
            boolean keepAlive = heldKeepAlive;
            release();
            BatchAnswer.send(ctx, read, keepAlive, counters);
        }
    }

    private void answerTimeout() {
        if (heldTopic == null) {
            return;
        }
        LogRead read = heldTopic.read(heldAfter, context.config().batchLimit());
        boolean keepAlive = heldKeepAlive;
        release();
        BatchAnswer.send(ctx, read, keepAlive, counters);
    }

    private void release() {
        if (waiting != null) {
            waiting.leave();
            waiting = null;
        }
        heldTopic = null;
        if (holdTimeout != null) {
            holdTimeout.cancel(false);
            holdTimeout = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        release();
        ctx.fireChannelInactive();
    }
}
