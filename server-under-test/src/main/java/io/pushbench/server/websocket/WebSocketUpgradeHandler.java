package io.pushbench.server.websocket;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker13;
import io.pushbench.server.http.RequestRouter;
import io.pushbench.server.http.Responses;
import io.pushbench.server.http.Route;
import io.pushbench.server.http.RouteHandler;
import io.pushbench.server.http.RoutedRequest;
import io.pushbench.server.http.ServerContext;
import java.util.Base64;

/**
 * Checks a {@code GET /ws/{topic}} upgrade request (RFC 6455 section 4.2.1), answers a wrong or missing
 * version {@code 426} with {@code Sec-WebSocket-Version: 13} and other broken upgrades {@code 400}, else
 * completes the handshake and hands the connection to a {@link WebSocketStreamHandler}.
 */
public final class WebSocketUpgradeHandler extends RouteHandler {

    private final ServerContext context;

    public WebSocketUpgradeHandler(ServerContext context) {
        super(Route.WEBSOCKET);
        this.context = context;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RoutedRequest request) {
        FullHttpRequest http = request.request();
        HttpHeaders headers = http.headers();
        if (!headers.containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
                || !headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)) {
            Responses.sendTextAndClose(ctx, HttpResponseStatus.BAD_REQUEST,
                    "GET /ws/ needs a WebSocket upgrade: Upgrade: websocket, Connection: Upgrade,"
                            + " Sec-WebSocket-Key and Sec-WebSocket-Version: 13");
            return;
        }
        if (!"13".equals(headers.get(HttpHeaderNames.SEC_WEBSOCKET_VERSION))) {
            FullHttpResponse response = Responses.text(HttpResponseStatus.UPGRADE_REQUIRED,
                    "unsupported WebSocket version '" + headers.get(HttpHeaderNames.SEC_WEBSOCKET_VERSION)
                            + "': this server speaks version 13 (RFC 6455)");
            response.headers().set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, "13");
            Responses.send(ctx, response, false);
            return;
        }
        String key = headers.get(HttpHeaderNames.SEC_WEBSOCKET_KEY);
        if (!isValidKey(key)) {
            Responses.sendTextAndClose(ctx, HttpResponseStatus.BAD_REQUEST, "Sec-WebSocket-Key must be 16 bytes in"
                    + " base64 (RFC 6455 section 4.1), got " + (key == null ? "none" : "'" + key + "'"));
            return;
        }
        WebSocketDecoderConfig decoderConfig = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(context.config().maxWsFrameBytes())
                .allowExtensions(context.config().wsDeflate())
                .closeOnProtocolViolation(false)   // WebSocketFrameRules answers every violation
                .build();
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshaker13(
                "ws://" + headers.get(HttpHeaderNames.HOST) + http.uri(), null, decoderConfig);
        WebSocketStreamHandler stream = new WebSocketStreamHandler(context, handshaker, request.topic(),
                request.after());
        ctx.pipeline().remove(RequestRouter.NAME);
        // text frames and close reasons must be UTF-8 (RFC 6455 section 8.1): 1007 via the rules
        ctx.pipeline().addLast("ws-utf8", new Utf8FrameValidator(false));
        ctx.pipeline().addLast(WebSocketFrameRules.NAME, new WebSocketFrameRules(context.config().maxWsFrameBytes(),
                context.config().wsAssemblyTimeout().toNanos()));
        ctx.pipeline().addLast(WebSocketStreamHandler.NAME, stream);
        handshaker.handshake(ctx.channel(), http).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                stream.start();
            } else {
                f.channel().close();
            }
        });
    }

    /** RFC 6455 section 4.1: the key is a random 16-byte value, base64-encoded (24 characters). */
    private static boolean isValidKey(String key) {
        if (key == null || key.trim().length() != 24) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key.trim()).length == 16;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
