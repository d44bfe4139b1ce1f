package io.pushbench.bench.client.websocket;

import io.pushbench.bench.client.headers.ClientHeaders;
import io.pushbench.bench.client.headers.RequestKind;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketClientCompressionHandler;
import io.pushbench.bench.client.ClientProtocol;
import io.pushbench.bench.client.SimulatedClient;
import io.pushbench.bench.client.UrlTemplate;
import io.pushbench.model.Strategy;

import java.net.URI;

/**
 * WebSocket (RFC 6455): the upgrade with the client's cursor in the URL, {@code permessage-deflate} offered when the
 * settings ask, one message per binary frame (or, from an external server, per text or binary message).
 */
public final class WsClient implements ClientProtocol {
    /** The pipeline name of the WebSocket handler. */
    public static final String HANDLER = "ws";
    private static final int MAX_HANDSHAKE_RESPONSE_BYTES = 64 * 1024;

    @Override
    public void initChannel(Channel channel, SimulatedClient client) {
        UrlTemplate template = client.target().template(Strategy.WEBSOCKET);
        URI uri = URI.create(template.absolute(client.topic(), client.lastSeq()));
        boolean deflate = client.settings().wsDeflate();
        // a browser's handshake headers (--client-headers) beside those the handshake itself writes
        io.netty.handler.codec.http.HttpHeaders extra = EmptyHttpHeaders.INSTANCE;
        java.util.List<ClientHeaders.Header> profile = client.settings().headers().headers(RequestKind.WEB_SOCKET, template);
        if (!profile.isEmpty()) {
            extra = new io.netty.handler.codec.http.DefaultHttpHeaders();
            for (ClientHeaders.Header h : profile) {
                extra.add(h.name(), h.value());
            }
        }
        WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(uri,
                WebSocketVersion.V13, null, deflate, extra, WsClientHandler.MAX_MESSAGE_BYTES,
                true, false, 0, false, false);   // 0: no force close of Netty's own; closeGracefully schedules it
        ChannelPipeline p = channel.pipeline();
        p.addLast(WsHandshakeByteCounter.NAME, new WsHandshakeByteCounter(client.ledger()));
        p.addLast("http", new HttpClientCodec());
        p.addLast("http-aggregator", new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE_BYTES));
        if (deflate) {
            p.addLast("ws-deflate", new WebSocketClientCompressionHandler(WsClientHandler.MAX_MESSAGE_BYTES));
        }
        p.addLast(HANDLER, new WsClientHandler(client, handshaker));
    }

    @Override
    public void closeGracefully(Channel channel, long forceCloseMillis, Runnable onForced) {
        WsClientHandler handler = channel.pipeline().get(WsClientHandler.class);
        if (handler == null) {
            channel.close();
        } else {
            handler.closeGracefully(channel.pipeline().context(handler));
            ClientProtocol.forceCloseLater(channel, forceCloseMillis, onForced);
        }
    }
}
