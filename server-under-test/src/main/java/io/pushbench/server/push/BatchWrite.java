package io.pushbench.server.push;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.pushbench.server.log.Message;
import io.pushbench.server.metrics.TrafficCounters;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Writes a batch of messages as one buffer (one outbound entry, one completion), each encoded by the
 * strategy's encoder, and counts the batch's messages as delivered when the write completes.
 */
public final class BatchWrite {

    /** Writes a message's encoding into a buffer. */
    @FunctionalInterface
    public interface Encoder {
        void encode(Message message, ByteBuf out);
    }

    private BatchWrite() {
    }

    /**
     * Encodes {@code messages} into one buffer of exactly the size {@code bytes} gives, wraps it (e.g. as
     * an HTTP chunk; identity for raw bytes) and writes it without flushing.
     */
    public static ChannelFuture write(ChannelHandlerContext ctx, List<Message> messages, ToIntFunction<Message> bytes,
            Encoder encoder, Function<ByteBuf, ?> wrap, TrafficCounters counters) {
        int size = 0;
        for (Message m : messages) {
            size += bytes.applyAsInt(m);
        }
        ByteBuf buf = ctx.alloc().buffer(size);
        for (Message m : messages) {
            encoder.encode(m, buf);
        }
        int count = messages.size();
        return ctx.write(wrap.apply(buf)).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                counters.countDelivered(count);
            }
        });
    }
}
