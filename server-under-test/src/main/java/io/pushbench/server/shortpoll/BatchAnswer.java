package io.pushbench.server.shortpoll;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.pushbench.server.http.Responses;
import io.pushbench.server.log.LogRead;
import io.pushbench.server.metrics.TrafficCounters;
import io.pushbench.server.wire.BatchBodyEncoder;
import io.pushbench.server.wire.WireHeaders;

/**
 * Answers a poll or long poll with what a log read found: {@code 200} with a batch body, or {@code 204}
 * when there is no message; both carry {@code X-Pushbench-Next-After} and, after a loss,
 * {@code X-Pushbench-Lost} (docs/wire-format.md).
 */
public final class BatchAnswer {

    private BatchAnswer() {
    }

    /** Sends the answer for {@code read} and counts it (empty response, or messages once written). */
    public static void send(ChannelHandlerContext ctx, LogRead read, boolean keepAlive, TrafficCounters counters) {
        FullHttpResponse response;
        if (read.messages().isEmpty()) {
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT,
                    Unpooled.EMPTY_BUFFER);
            counters.countEmptyResponse();
        } else {
            ByteBuf body = ctx.alloc().buffer(BatchBodyEncoder.encodedBytes(read.messages()));
            BatchBodyEncoder.encode(read.messages(), body);
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, WireHeaders.BATCH_CONTENT_TYPE);
        }
        response.headers().set(WireHeaders.NEXT_AFTER, read.nextAfter());
        if (read.lostCount() > 0) {
            response.headers().set(WireHeaders.LOST, read.lostCount());
        }
        int delivered = read.messages().size();
        Responses.send(ctx, response, keepAlive).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess() && delivered > 0) {
                counters.countDelivered(delivered);
            }
        });
    }
}
