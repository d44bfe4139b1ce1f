package io.pushbench.bench.workload;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.util.ArrayDeque;

/**
 * One keep-alive publish connection, confined to its event loop: sends queued publish requests one at a time
 * (so the messages of a topic reach the server in schedule order) and checks each answer.
 */
final class PublishConnectionHandler extends SimpleChannelInboundHandler<FullHttpResponse> {

    /** A publish waiting for its turn on this connection; {@code scheduledNanos} is a {@code System.nanoTime()} value. */
    record Pending(String topic, long expectedSeq, long scheduledNanos, byte[] payload) {
    }

    /** What the connection reports back; called on its event loop. */
    interface Outcome {
        void published(Pending p, long serverSeq);

        void failed(Pending p, String reason);
    }

    private final PublishTarget target;
    private final Outcome outcome;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private Pending inFlight;

    PublishConnectionHandler(PublishTarget target, Outcome outcome) {
        this.target = target;
        this.outcome = outcome;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** Queues a publish; must be called on the channel's event loop. */
    void enqueue(Pending p) {
        queue.add(p);
        sendNextIfIdle();
    }

    /** Publishes queued or in flight. */
    int backlog() {
        return queue.size() + (inFlight == null ? 0 : 1);
    }

    private void sendNextIfIdle() {
        if (inFlight != null || queue.isEmpty() || !ctx.channel().isActive()) {
            return;
        }
        inFlight = queue.poll();
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                target.requestTarget(inFlight.topic()), Unpooled.wrappedBuffer(inFlight.payload()));
        request.headers()
                .set(HttpHeaderNames.HOST, target.hostHeader())
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM)
                .set(HttpHeaderNames.CONTENT_LENGTH, inFlight.payload().length);
        if (target.bearerToken() != null) {
            request.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer " + target.bearerToken());
        }
        ctx.writeAndFlush(request);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
        Pending done = inFlight;
        inFlight = null;
        if (done == null) {
            return;
        }
        if (!response.status().equals(HttpResponseStatus.OK)) {
            outcome.failed(done, "publish to " + done.topic() + " answered " + response.status());
        } else {
            String seq = response.headers().get("X-Pushbench-Seq");
            outcome.published(done, seq == null ? -1 : parseSeq(seq));
        }
        sendNextIfIdle();
    }

    private static long parseSeq(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -2;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        failAll("publish connection closed");
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failAll("publish connection failed: " + cause);
        ctx.close();
    }

    private void failAll(String reason) {
        if (inFlight != null) {
            outcome.failed(inFlight, reason);
            inFlight = null;
        }
        Pending p;
        while ((p = queue.poll()) != null) {
            outcome.failed(p, reason);
        }
    }
}
