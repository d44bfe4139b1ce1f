package io.pushbench.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What browsers need beyond the push endpoints, only in the pipeline when asked for: CORS
 * ({@code --cors-allow-origin}: {@code Access-Control-Allow-Origin} on every answer but the WebSocket upgrade, and
 * preflights answered {@code 204}) and a test page ({@code --page-dir}: the folder's files at
 * {@code /page/<name>}). Sharable: it keeps no per-connection state.
 */
@ChannelHandler.Sharable
public final class BrowserAccessHandler extends ChannelDuplexHandler {

    /** The pipeline name. */
    public static final String NAME = "browser-access";
    private static final String PAGE_PREFIX = "/page/";

    private final String allowOrigin;
    private final Path pageDir;

    /**
     * @param allowOrigin {@code *}, one origin, or null for no CORS headers
     * @param pageDir     the folder served at {@code /page/}, or null
     */
    public BrowserAccessHandler(String allowOrigin, Path pageDir) {
        this.allowOrigin = allowOrigin;
        this.pageDir = pageDir == null ? null : pageDir.toAbsolutePath().normalize();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest request) {
            String path = new QueryStringDecoder(request.uri()).path();
            if (allowOrigin != null && request.method().equals(HttpMethod.OPTIONS)) {
                answerPreflight(ctx, request);
                return;
            }
            if (pageDir != null && path.startsWith(PAGE_PREFIX) && request.method().equals(HttpMethod.GET)) {
                servePage(ctx, request, path.substring(PAGE_PREFIX.length()));
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (allowOrigin != null && msg instanceof HttpResponse response
                && !response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS)) {
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, allowOrigin);
            if (!allowOrigin.equals("*")) {
                response.headers().set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
            }
        }
        ctx.write(msg, promise);
    }

    private void answerPreflight(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.NO_CONTENT);
        response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST");
        String asked = request.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        if (asked != null) {
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, asked);
        }
        response.headers().set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
        ReferenceCountUtil.release(request);
        Responses.send(ctx, response, keepAlive);   // the write above adds the origin
    }

    private void servePage(ChannelHandlerContext ctx, FullHttpRequest request, String name) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        ReferenceCountUtil.release(request);
        Path file = pageDir.resolve(name).normalize();
        if (!name.matches("[A-Za-z0-9._-]+") || !file.startsWith(pageDir) || !Files.isRegularFile(file)) {
            Responses.sendText(ctx, HttpResponseStatus.NOT_FOUND, "no such page: " + name, keepAlive);
            return;
        }
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (IOException e) {
            Responses.sendText(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "cannot read page " + name, keepAlive);
            return;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, name.endsWith(".html") ? "text/html; charset=utf-8"
                : name.endsWith(".js") ? "text/javascript" : "application/octet-stream");
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        Responses.send(ctx, response, keepAlive);
    }
}
