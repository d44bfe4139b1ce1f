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

    /** The loss notice text: {@code {"lost":K,"nextAfter":N}}. */
    public static String lostNotice(long lostCount, long nextAfter) {
        return "{\"lost\":" + lostCount + ",\"nextAfter\":" + nextAfter + "}";
    }
}
