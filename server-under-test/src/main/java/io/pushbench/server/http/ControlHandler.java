package io.pushbench.server.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.pushbench.model.WallClock;
import io.pushbench.server.wire.WireHeaders;
import io.pushbench.server.broker.BrokerPublishException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Serves {@code POST /publish/{topic}}, {@code GET /health}, {@code GET /clock} and {@code GET /metrics}. Stateless. */
@Sharable
public final class ControlHandler extends ChannelInboundHandlerAdapter {

    private final ServerContext context;

    public ControlHandler(ServerContext context) {
        this.context = context;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof RoutedRequest request) || request.route().strategy() != null) {
            ctx.fireChannelRead(msg);
            return;
        }
        switch (request.route()) {
            case HEALTH -> Responses.sendText(ctx, HttpResponseStatus.OK, "ok", request.keepAlive());
            // read when the request is handled, so a client's round trip brackets it (its clock-offset estimate)
            case CLOCK -> Responses.sendText(ctx, HttpResponseStatus.OK, Long.toString(WallClock.nowEpochMicros()),
                    request.keepAlive());
            case METRICS -> sendMetrics(ctx, request.keepAlive());
            case PUBLISH -> publish(ctx, request);
            default -> throw new IllegalStateException("unhandled control route " + request.route());
        }
    }

    private void sendMetrics(ChannelHandlerContext ctx, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.copiedBuffer(MetricsJson.render(context.metrics().get()) + "\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        Responses.send(ctx, response, keepAlive);
    }

    private void publish(ChannelHandlerContext ctx, RoutedRequest request) {
        // the router already refused an unauthorised publish (TopicAccess), before any topic was created
        byte[] payload = ByteBufUtil.getBytes(request.request().content());
        boolean keepAlive = request.keepAlive();
        CompletableFuture<Long> seq = context.broker().publish(request.topic(), payload, WallClock.nowEpochMicros())
                .toCompletableFuture();
        if (seq.isDone()) {         // the memory broker: appended already
            answerPublish(ctx, seq, keepAlive);
            return;
        }
        // a broker answers later: read no further request of this connection until then, so answers keep their order
        ctx.channel().config().setAutoRead(false);
        seq.whenComplete((s, e) -> ctx.executor().execute(() -> {
            answerPublish(ctx, seq, keepAlive);
            ctx.channel().config().setAutoRead(true);
        }));
    }

    private static void answerPublish(ChannelHandlerContext ctx, CompletableFuture<Long> result, boolean keepAlive) {
        long seq;
        try {
            seq = result.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            HttpResponseStatus status = !(cause instanceof BrokerPublishException b) ? HttpResponseStatus.SERVICE_UNAVAILABLE
                    : switch (b.failure()) {
                        case BROKER_UNAVAILABLE -> HttpResponseStatus.SERVICE_UNAVAILABLE;
                        case MESSAGE_BREAKS_LIMIT -> HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
                        case FATE_UNKNOWN -> HttpResponseStatus.GATEWAY_TIMEOUT;
                    };
            Responses.sendText(ctx, status, String.valueOf(cause.getMessage()), keepAlive);
            return;
        }
        FullHttpResponse response = Responses.text(HttpResponseStatus.OK, Long.toString(seq));
        response.headers().set(WireHeaders.SEQ, seq);
        Responses.send(ctx, response, keepAlive);
    }
}
