package io.pushbench.server.wire;

import io.netty.buffer.ByteBuf;
import io.pushbench.server.log.Message;
import java.util.List;

/**
 * Encodes the body of a poll or long-poll answer: one record per message, oldest first,
 * {@code <seq> SP <payload length> LF <payload bytes> LF} (docs/wire-format.md).
 *
 * <p>Stateless and side-effect free apart from writing into the given buffer. Typical use:
 * <pre>{@code
 * ByteBuf body = alloc.buffer(BatchBodyEncoder.encodedBytes(messages));
 * BatchBodyEncoder.encode(messages, body);
 * }</pre>
 */
public final class BatchBodyEncoder {

    private BatchBodyEncoder() {
    }

    /** The exact encoded size of these messages, in bytes. */
    public static int encodedBytes(List<Message> messages) {
        int bytes = 0;
        for (Message m : messages) {
            bytes += recordBytes(m);
        }
        return bytes;
    }

    /** The exact encoded size of one record, in bytes. */
    public static int recordBytes(Message m) {
        int length = m.payload().length;
        return DecimalAscii.digits(m.seq()) + 1 + DecimalAscii.digits(length) + 1 + length + 1;
    }

    /** Writes the records of these messages at the buffer's writer index. */
    public static void encode(List<Message> messages, ByteBuf out) {
        for (Message m : messages) {
            encode(m, out);
        }
    }

    /** Writes one record at the buffer's writer index. */
    public static void encode(Message m, ByteBuf out) {
        DecimalAscii.write(out, m.seq());
        out.writeByte(' ');
        DecimalAscii.write(out, m.payload().length);
        out.writeByte('\n');
        out.writeBytes(m.payload());
        out.writeByte('\n');
    }
}
