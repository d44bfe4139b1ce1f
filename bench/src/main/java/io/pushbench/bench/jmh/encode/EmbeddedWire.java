package io.pushbench.bench.jmh.encode;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * A server pipeline's outbound end on an {@link EmbeddedChannel}: write a message through the real
 * encoders, get back how many bytes would have gone to the socket (or the bytes themselves).
 *
 * <p>Confined to the thread that created it (EmbeddedChannel runs its event loop on the caller).
 * Typical use: {@code EmbeddedWire wire = new EmbeddedWire(new HttpResponseEncoder()); int n = wire.writeBytes(response);}
 */
public final class EmbeddedWire implements AutoCloseable {
    private final EmbeddedChannel channel;

    /** @param encoders the outbound handlers in pipeline order (head first), as the server adds them */
    public EmbeddedWire(ChannelHandler... encoders) {
        this.channel = new EmbeddedChannel(encoders);
    }

    /**
     * Writes {@code message} through the encoders and releases what comes out.
     *
     * @return the bytes that reached the socket end of the pipeline
     */
    public int writeBytes(Object message) {
        channel.writeOutbound(message);
        int bytes = 0;
        for (Object out; (out = channel.readOutbound()) != null; ) {
            bytes += readableBytes(out);
            io.netty.util.ReferenceCountUtil.release(out);
        }
        return bytes;
    }

    /** Writes {@code message} through the encoders and returns a copy of the bytes that came out. */
    public byte[] writeAndCopy(Object message) {
        channel.writeOutbound(message);
        ByteBuf all = Unpooled.buffer();
        for (Object out; (out = channel.readOutbound()) != null; ) {
            ByteBuf content = out instanceof ByteBufHolder h ? h.content() : (ByteBuf) out;
            all.writeBytes(content, content.readerIndex(), content.readableBytes());
            io.netty.util.ReferenceCountUtil.release(out);
        }
        byte[] bytes = new byte[all.readableBytes()];
        all.readBytes(bytes);
        return bytes;
    }

    private static int readableBytes(Object out) {
        if (out instanceof ByteBuf b) {
            return b.readableBytes();
        }
        if (out instanceof ByteBufHolder h) {
            return h.content().readableBytes();
        }
        throw new IllegalStateException("encoders left a " + out.getClass().getName() + " unencoded");
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
    }
}
