package io.pushbench.server.sse;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.ScheduledFuture;
import io.pushbench.model.Strategy;
import io.pushbench.server.http.RequestRouter;
import io.pushbench.server.http.Route;
import io.pushbench.server.http.RouteHandler;
import io.pushbench.server.http.RoutedRequest;
import io.pushbench.server.http.ServerInitializer;
import io.pushbench.server.http.ServerContext;
import io.pushbench.server.log.Message;
import io.pushbench.server.metrics.TrafficCounters;
import io.pushbench.server.push.BatchWrite;
import io.pushbench.server.push.PushCursor;
import io.pushbench.server.push.PushSink;
import io.pushbench.server.wire.HttpChunkFraming;
import io.pushbench.server.wire.SseEventEncoder;
import io.pushbench.server.wire.WireHeaders;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Server-Sent Events, one connection, confined to its event loop: answers {@code GET /sse/{topic}} with a
 * never-ending chunked {@code text/event-stream}, the {@code retry:} hint first, then one event per
 * message pushed by a {@link PushCursor}, and heartbeat comments when configured.
 */
public final class SseStreamHandler extends RouteHandler implements PushSink {

    /**
     * Outbound-buffer bytes of one chunk besides its events: Netty's 96-byte entry overhead (the chunk is one
     * buffer) and the framing, at most 8 hex digits and two CRLFs.
     */
    private static final int CHUNK_OUTBOUND_BYTES = 96 + 8 + 4;

    /**
     * A batch of events as one HTTP chunk, framed in place and written below the HTTP codec: one buffer per
     * batch instead of the codec's three (size line, content, CRLF); docs/benchmarks.md, "SSE chunks in place".
     */
    public static final BatchWrite.Framing HTTP_CHUNK = new BatchWrite.Framing() {
        @Override
        public int framedBytes(int contentBytes) {
            return HttpChunkFraming.framedBytes(contentBytes);
        }

        @Override
        public void writeHead(ByteBuf out, int contentBytes) {
            HttpChunkFraming.writeHead(out, contentBytes);
        }

        @Override
        public void writeTail(ByteBuf out) {
            HttpChunkFraming.writeTail(out);
        }
    };

    private final ServerContext context;
    private final TrafficCounters counters;
    private ChannelHandlerContext ctx;
    private ChannelHandlerContext belowCodec;   // writes from here skip the HTTP codec: framed chunks only
    private PushCursor cursor;
    private ScheduledFuture<?> heartbeat;

    public SseStreamHandler(ServerContext context) {
        super(Route.SSE);
        this.context = context;
        this.counters = context.counters().bucket(Strategy.SSE);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RoutedRequest request) {
        this.ctx = ctx;
        this.belowCodec = ctx.pipeline().context(ServerInitializer.HTTP_CODEC);
        ctx.pipeline().remove(RequestRouter.NAME);    // the connection is a stream now: no more requests
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, WireHeaders.EVENT_STREAM_CONTENT_TYPE)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        ctx.write(head);
        ByteBuf retry = ctx.alloc().buffer(16);
        SseEventEncoder.encodeRetry(context.config().sseRetry().toMillis(), retry);
        ctx.writeAndFlush(new DefaultHttpContent(retry));   // the stream is open before any event
        cursor = new PushCursor(context.wakeups(), ctx.channel(), request.topic(), request.after(), context.config().batchLimit(),
                context.config().slowConsumerTimeout().toNanos(), this);
        cursor.start();
        long heartbeatNanos = context.config().sseHeartbeat().toNanos();
        if (heartbeatNanos > 0) {
            heartbeat = ctx.executor().scheduleAtFixedRate(this::writeHeartbeat, heartbeatNanos, heartbeatNanos,
                    TimeUnit.NANOSECONDS);
        }
    }

    private void writeHeartbeat() {
        if (!cursor.isBlocked() && ctx.channel().isWritable()) {
            ByteBuf buf = ctx.alloc().buffer(8);
            SseEventEncoder.encodeHeartbeat(buf);
            ctx.writeAndFlush(new DefaultHttpContent(buf));
        }
    }

    @Override
    public int outboundBytes(Message message) {
        return SseEventEncoder.eventBytes(message);
    }

    @Override
    public int outboundBytesPerWrite() {
        return CHUNK_OUTBOUND_BYTES;
    }

    @Override
    public void writeLost(long lostCount, long lastLostSeq) {
        ByteBuf buf = ctx.alloc().buffer(64);
        SseEventEncoder.encodeLost(lostCount, lastLostSeq, buf);
        ctx.write(new DefaultHttpContent(buf));
    }

    @Override
    public ChannelFuture writeMessages(List<Message> messages) {
        return BatchWrite.write(belowCodec, messages, SseEventEncoder::eventBytes, SseEventEncoder::encodeEvent,
                HTTP_CHUNK, counters);
    }

    @Override
    public void closeSlow(String reason) {
        ctx.close();    // SSE has no close reason on the wire; the client reconnects with Last-Event-ID
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (cursor != null) {
            cursor.stop();
        }
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        ctx.fireChannelInactive();
    }
}
