package io.pushbench.server.metrics;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Counts every byte the socket reads and writes, exactly: the first handler of every pipeline, so it sees
 * the raw bytes (request lines, headers, chunk framing, SSE and WebSocket framing, handshakes). Read bytes
 * are attributed once the rest of the pipeline has processed them; written bytes when their write
 * completes (bytes of a failed write never reached the socket). See {@link ConnectionAccount}.
 */
public final class ByteCountingHandler extends ChannelDuplexHandler {

    /** The name of this handler in the pipeline. */
    public static final String NAME = "byte-counter";

    private final ServerCounters counters;
    private ConnectionAccount account;

    public ByteCountingHandler(ServerCounters counters) {
        this.counters = counters;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        account = new ConnectionAccount(counters);
        ctx.channel().attr(ConnectionAccount.KEY).set(account);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            account.bytesRead(buf.readableBytes());
        }
        ctx.fireChannelRead(msg);
        account.attributeReadBytes();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        long bytes = sizeOf(msg);
        if (bytes == 0) {
            ctx.write(msg, promise);
            return;
        }
        TrafficCounters target = account.bucket();
        ChannelPromise counted = promise.unvoid();
        counted.addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                account.bytesWritten(target, bytes);
            }
        });
        ctx.write(msg, counted);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        account.closed();
        ctx.fireChannelInactive();
    }

    private static long sizeOf(Object msg) {
        if (msg instanceof ByteBuf buf) {
            return buf.readableBytes();
        }
        if (msg instanceof ByteBufHolder holder) {
            return holder.content().readableBytes();
        }
        return 0;
    }
}
