package io.pushbench.server.push;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.pushbench.server.log.Message;
import io.pushbench.server.metrics.TrafficCounters;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Writes a batch of messages as one buffer (one outbound entry, one completion), each encoded by the
 * strategy's encoder inside the strategy's framing, and counts the batch's messages as delivered when the
 * write completes.
 */
public final class BatchWrite {

    /** Writes a message's encoding into a buffer. */
    @FunctionalInterface
    public interface Encoder {
        void encode(Message message, ByteBuf out);
    }

    /** What a batch's buffer carries around its encoded messages (e.g. an HTTP chunk's size line and CRLF). */
    public interface Framing {
        /** Raw bytes: the messages' encodings back to back. */
        Framing NONE = new Framing() {
            @Override
            public int framedBytes(int contentBytes) {
                return contentBytes;
            }

            @Override
            public void writeHead(ByteBuf out, int contentBytes) {
            }

            @Override
            public void writeTail(ByteBuf out) {
            }
        };

        /** The buffer's size for {@code contentBytes} of encoded messages. */
        int framedBytes(int contentBytes);

        /** Writes what precedes {@code contentBytes} of encoded messages. */
        void writeHead(ByteBuf out, int contentBytes);

        /** Writes what follows the encoded messages. */
        void writeTail(ByteBuf out);
    }

    private BatchWrite() {
    }

    /**
     * Encodes {@code messages} into one buffer of exactly the size {@code bytes} and {@code framing} give and
     * writes it from {@code ctx} without flushing.
     */
    public static ChannelFuture write(ChannelHandlerContext ctx, List<Message> messages, ToIntFunction<Message> bytes,
            Encoder encoder, Framing framing, TrafficCounters counters) {
        int size = 0;
        for (Message m : messages) {
            size += bytes.applyAsInt(m);
        }
        ByteBuf buf = ctx.alloc().buffer(framing.framedBytes(size));
        framing.writeHead(buf, size);
        for (Message m : messages) {
            encoder.encode(m, buf);
        }
        framing.writeTail(buf);
        int count = messages.size();
        return ctx.write(buf).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                counters.countDelivered(count);
            }
        });
    }
}
