package io.pushbench.bench.jmh.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;

import java.io.ByteArrayOutputStream;

/**
 * A server pipeline's outbound end on an {@link EmbeddedChannel}: the server's code writes through
 * Netty's real encoders, and the wire bytes come out at the socket end, counted (or copied) and released.
 *
 * <p>Confined to the thread that created it (an EmbeddedChannel runs its event loop on the caller).
 * Typical use:
 * <pre>{@code
 * EmbeddedWire wire = new EmbeddedWire(new HttpResponseEncoder());
 * BatchAnswer.send(wire.applicationContext(), read, true, counters);   // the server's own answer code
 * int wireBytes = wire.drainBytes();
 * }</pre>
 */
public final class EmbeddedWire implements AutoCloseable {
    private final EmbeddedChannel channel;
    private final ChannelHandlerContext application;

    /** @param encoders the outbound handlers in pipeline order (socket end first), as the server adds them */
    public EmbeddedWire(ChannelHandler... encoders) {
        this.channel = new EmbeddedChannel(encoders);
        // the server's handlers write from their own context, after (above) the encoders
        ChannelHandler tail = new ChannelInboundHandlerAdapter();
        channel.pipeline().addLast(tail);
        this.application = channel.pipeline().context(tail);
    }

    /** The context a server handler sitting above the encoders would write from. */
    public ChannelHandlerContext applicationContext() {
        return application;
    }

    /**
     * The context of the encoder at the socket end: a write from it passes no encoder, as a server handler's
     * write from its codec's context (e.g. SSE's in-place chunks below the HTTP codec).
     */
    public ChannelHandlerContext codecContext() {
        return channel.pipeline().firstContext();
    }

    /** Writes and flushes {@code message} from the application context, then {@link #drainBytes()}. */
    public int writeBytes(Object message) {
        application.writeAndFlush(message);
        return drainBytes();
    }

    /** Counts and releases what reached the socket end; returns the byte count. */
    public int drainBytes() {
        int bytes = 0;
        for (Object out; (out = channel.readOutbound()) != null; ) {
            bytes += content(out).readableBytes();
            ReferenceCountUtil.release(out);
        }
        return bytes;
    }

    /** Copies and releases what reached the socket end. */
    public byte[] drainCopy() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        for (Object out; (out = channel.readOutbound()) != null; ) {
            ByteBuf content = content(out);
            byte[] bytes = new byte[content.readableBytes()];
            content.getBytes(content.readerIndex(), bytes);
            copy.writeBytes(bytes);
            ReferenceCountUtil.release(out);
        }
        return copy.toByteArray();
    }

    private static ByteBuf content(Object out) {
        if (out instanceof ByteBuf b) {
            return b;
        }
        if (out instanceof ByteBufHolder h) {
            return h.content();
        }
        throw new IllegalStateException("encoders left a " + out.getClass().getName() + " unencoded");
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
    }
}
