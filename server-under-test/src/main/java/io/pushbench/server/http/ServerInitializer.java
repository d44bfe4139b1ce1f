package io.pushbench.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtensionHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import io.pushbench.server.PushServerConfig;
import io.pushbench.server.longpoll.LongPollHandler;
import io.pushbench.server.metrics.ByteCountingHandler;
import io.pushbench.server.shortpoll.ShortPollHandler;
import io.pushbench.server.sse.SseStreamHandler;
import io.pushbench.server.websocket.WebSocketUpgradeHandler;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lists the stages of every connection: byte counting at the socket, HTTP decoding with size caps, the
 * guard for undecodable input, body aggregation (413 past the cap), the router, one handler per route.
 * A connection over the cap gets a pipeline that answers {@code 503}.
 */
public final class ServerInitializer extends ChannelInitializer<Channel> {

    /** The name of the HTTP codec in the pipeline (a stream handler writes framed chunks below it). */
    public static final String HTTP_CODEC = "http";

    private final ServerContext context;
    private final ChannelGroup channels;
    private final AtomicInteger openConnections = new AtomicInteger();
    private final HttpDecoderConfig decoderConfig;
    private final ControlHandler controlHandler;
    private final ShortPollHandler shortPollHandler;
    /** CORS and the test page; null (not in the pipeline) unless asked for. */
    private final BrowserAccessHandler browserAccess;

    public ServerInitializer(ServerContext context, ChannelGroup channels) {
        this.context = context;
        this.channels = channels;
        PushServerConfig config = context.config();
        this.decoderConfig = new HttpDecoderConfig()
                .setMaxInitialLineLength(config.maxRequestLineBytes())
                .setMaxHeaderSize(config.maxHeaderBytes())
                .setMaxChunkSize(8192);
        this.controlHandler = new ControlHandler(context);
        this.shortPollHandler = new ShortPollHandler(context);
        this.browserAccess = config.corsAllowOrigin() == null && config.pageDir() == null ? null
                : new BrowserAccessHandler(config.corsAllowOrigin(), config.pageDir());
    }

    @Override
    protected void initChannel(Channel ch) {
        channels.add(ch);
        ChannelPipeline p = ch.pipeline();
        RequestTimeouts timeouts = new RequestTimeouts(context.config().requestReadTimeout().toNanos(),
                context.config().idleTimeout().toNanos());
        p.addLast(ByteCountingHandler.NAME, new ByteCountingHandler(context.counters()));
        p.addLast("request-start", timeouts.bytesWatch());
        p.addLast(HTTP_CODEC, new HttpServerCodec(decoderConfig));
        p.addLast("request-timeouts", timeouts.messageWatch());
        p.addLast(HttpRequestGuard.NAME, HttpRequestGuard.INSTANCE);
        int maxConnections = context.config().maxConnections();
        if (openConnections.incrementAndGet() > maxConnections) {
            ch.closeFuture().addListener(f -> openConnections.decrementAndGet());
            p.addLast("over-cap", new ConnectionCapHandler(maxConnections));
            return;
        }
        ch.closeFuture().addListener(f -> openConnections.decrementAndGet());
        p.addLast("aggregator", new HttpObjectAggregator(context.config().maxBodyBytes()));
        if (context.config().wsDeflate()) {
            p.addLast("ws-deflate", new WebSocketServerExtensionHandler(new PerMessageDeflateServerExtensionHandshaker()));
        }
        if (browserAccess != null) {
            p.addLast(BrowserAccessHandler.NAME, browserAccess);
        }
        p.addLast(RequestRouter.NAME, new RequestRouter(context));
        p.addLast("control", controlHandler);
        p.addLast("poll", shortPollHandler);
        p.addLast("long-poll", new LongPollHandler(context));
        p.addLast("sse", new SseStreamHandler(context));
        p.addLast("ws-upgrade", new WebSocketUpgradeHandler(context));
    }
}
