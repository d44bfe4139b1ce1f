package io.pushbench.server.wire;

import io.netty.buffer.ByteBuf;
import io.pushbench.server.log.Message;

/**
 * Encodes the application data of the WebSocket frames of docs/wire-format.md: a binary frame per
 * message carrying {@code <seq> LF <payload bytes>}, and a JSON text notice when messages were lost.
 *
 * <p>Stateless and side-effect free apart from writing into the given buffer.
 */
public final class WebSocketMessageEncoder {

    /** First header byte: FIN set, no RSV bits, opcode 0x2 (binary). */
    private static final int FIN_BINARY = 0x82;

    private WebSocketMessageEncoder() {
    }

    /** The exact size of a message frame's application data, in bytes. */
    public static int dataBytes(Message m) {
        return DecimalAscii.digits(m.seq()) + 1 + m.payload().length;
    }

    /** Writes a message frame's application data at the buffer's writer index. */
    public static void encodeData(Message m, ByteBuf out) {
        DecimalAscii.write(out, m.seq());
        out.writeByte('\n');
        out.writeBytes(m.payload());
    }

    /**
     * The exact size of a message's whole frame as this server sends it: the RFC 6455 header of an
     * unmasked, final binary frame (2, 4 or 10 bytes) and the application data.
     */
    public static int frameBytes(Message m) {
        int data = dataBytes(m);
        return headerBytes(data) + data;
    }

    /**
     * Writes a message's whole frame (header and application data) at the buffer's writer index, the bytes
     * Netty's {@code WebSocket08FrameEncoder} writes for a {@code BinaryWebSocketFrame} of the same data
     * from a server, so a connection without extensions can be sent several frames in one buffer.
     */
    public static void encodeFrame(Message m, ByteBuf out) {
        int data = dataBytes(m);
        out.writeByte(FIN_BINARY);
        if (data < 126) {
            out.writeByte(data);
        } else if (data <= 0xFFFF) {
            out.writeByte(126);
            out.writeShort(data);
        } else {
            out.writeByte(127);
            out.writeLong(data);
        }
        encodeData(m, out);
    }

    private static int headerBytes(int dataBytes) {
        return dataBytes < 126 ? 2 : dataBytes <= 0xFFFF ? 4 : 10;
    }

    /** The loss notice text: {@code {"lost":K,"nextAfter":N}}. */
    public static String lostNotice(long lostCount, long nextAfter) {
        return "{\"lost\":" + lostCount + ",\"nextAfter\":" + nextAfter + "}";
    }
}
