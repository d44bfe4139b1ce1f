package io.pushbench.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.pushbench.server.log.TooManyTopicsException;
import io.pushbench.server.log.TopicLog;
import io.pushbench.server.log.TopicNames;
import io.pushbench.server.metrics.ConnectionAccount;
import io.pushbench.server.metrics.TrafficCounters;
import java.util.List;

/**
 * Routes each request: moves the connection to the bucket of its strategy (so its bytes are counted
 * there), counts the request, answers 404/405/400/503 itself, and passes a {@link RoutedRequest} on to
 * the route's handler. Pushing strategies remove the router once their stream starts.
 */
public final class RequestRouter extends SimpleChannelInboundHandler<FullHttpRequest> {

    /** The name of this handler in the pipeline. */
    public static final String NAME = "router";

    private final ServerContext context;
    private final TopicAccess access;

    public RequestRouter(ServerContext context) {
        this.context = context;
        this.access = new TopicAccess(context.log(), context.config());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        Route route = Route.match(path);
        ConnectionAccount account = ConnectionAccount.of(ctx.channel());
        TrafficCounters bucket = context.counters().bucket(route == null ? null : route.strategy());
        account.moveTo(bucket);
        bucket.countRequest();
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (request.protocolVersion().majorVersion() != 1) {
            // RFC 9110 section 15.6.6: this server speaks HTTP/1.x only
            Responses.sendTextAndClose(ctx, HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED,
                    "HTTP version " + request.protocolVersion().text() + " is not supported: use HTTP/1.1");
            return;
        }
        if (route == null) {
            Responses.sendText(ctx, HttpResponseStatus.NOT_FOUND, "no such endpoint: " + path, keepAlive);
            return;
        }
        if (!route.method().equals(request.method())) {
            FullHttpResponse response = Responses.text(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    request.method() + " is not allowed on " + path + "; use " + route.method());
            response.headers().set(HttpHeaderNames.ALLOW, route.method().name());
            Responses.send(ctx, response, keepAlive);
            return;
        }
        if (route == Route.PUBLISH && !access.mayPublish(request)) {
            FullHttpResponse response = Responses.text(HttpResponseStatus.UNAUTHORIZED,
                    "publishing needs the header Authorization: Bearer <publish token>");
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            Responses.send(ctx, response, keepAlive);
            return;
        }
        TopicLog topic = null;
        if (route.hasTopic()) {
            String name = route.topicOf(path);
            if (!TopicNames.isValid(name)) {
                Responses.sendText(ctx, HttpResponseStatus.BAD_REQUEST, "invalid topic name '" + name
                        + "': expected 1 to " + TopicNames.MAX_LENGTH + " characters of A-Z a-z 0-9 . _ ~ -", keepAlive);
                return;
            }
            try {
                topic = access.topicFor(route, name);
            } catch (TooManyTopicsException e) {
                Responses.sendText(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, e.getMessage(), keepAlive);
                return;
            }
        }
        String afterText = afterParameter(uri, request, route);
        long after;
        try {
            after = afterText == null ? 0 : Long.parseLong(afterText.trim());
            if (after < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            String source = route == Route.SSE && request.headers().contains("Last-Event-ID") ? "Last-Event-ID" : "after";
            Responses.sendText(ctx, HttpResponseStatus.BAD_REQUEST,
                    source + " must be a non-negative integer sequence number, got '" + afterText + "'", keepAlive);
            return;
        }
        ctx.fireChannelRead(new RoutedRequest(route, topic, after, keepAlive, request));
    }

    /** SSE resumes from {@code Last-Event-ID} first (what browsers send on reconnect), then {@code ?after=}. */
    private static String afterParameter(QueryStringDecoder uri, FullHttpRequest request, Route route) {
        if (route == Route.SSE) {
            String lastEventId = request.headers().get("Last-Event-ID");
            if (lastEventId != null) {
                return lastEventId;
            }
        }
        List<String> values = uri.parameters().get("after");
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
