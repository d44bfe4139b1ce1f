package io.pushbench.bench.client.bytes;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Counts every byte a client socket reads and writes into the client's {@link ByteLedger}. Sits first in the
 * pipeline, so it sees the raw socket bytes before any decoder and after every encoder.
 */
public final class ByteCountingHandler extends ChannelDuplexHandler {
    /** The pipeline name of this stage. */
    public static final String NAME = "socket-bytes";

    private final ByteLedger ledger;

    public ByteCountingHandler(ByteLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ledger.socketRead(sizeOf(msg));
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ledger.socketWritten(sizeOf(msg));
        ctx.write(msg, promise);
    }

    private static int sizeOf(Object msg) {
        if (msg instanceof ByteBuf buf) {
            return buf.readableBytes();
        }
        if (msg instanceof ByteBufHolder holder) {
            return holder.content().readableBytes();
        }
        return 0;
    }
}
