package io.pushbench.server.wire;

import io.netty.buffer.ByteBuf;
import io.pushbench.server.log.Message;

/**
 * Encodes Server-Sent Events per the HTML Living Standard's event stream format: {@code id: <seq>}, one
 * {@code data: } line per LF-separated line of the payload, a blank line (docs/wire-format.md).
 *
 * <p>Stateless and side-effect free apart from writing into the given buffer. Typical use:
 * <pre>{@code
 * ByteBuf chunk = alloc.buffer(SseEventEncoder.eventBytes(m));
 * SseEventEncoder.encodeEvent(m, chunk);
 * }</pre>
 */
public final class SseEventEncoder {

    /** The event type of a loss notice. */
    public static final String LOST_EVENT = "pushbench-lost";

    private static final byte[] ID = {'i', 'd', ':', ' '};
    private static final byte[] DATA = {'d', 'a', 't', 'a', ':', ' '};
    private static final byte[] RETRY = {'r', 'e', 't', 'r', 'y', ':', ' '};
    private static final byte[] LOST = ("event: " + LOST_EVENT + "\nid: ").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] HEARTBEAT = {':', ' ', 'h', 'b', '\n', '\n'};

    private SseEventEncoder() {
    }

    /** The exact encoded size of one message event, in bytes. */
    public static int eventBytes(Message m) {
        byte[] payload = m.payload();
        int lines = 1;
        for (byte b : payload) {
            if (b == '\n') {
                lines++;
            }
        }
        // id line + per line "data: " and LF (the payload's own LFs become line ends) + blank line
        return ID.length + DecimalAscii.digits(m.seq()) + 1
                + lines * DATA.length + payload.length + 1
                + 1;
    }

    /** Writes one message event at the buffer's writer index. */
    public static void encodeEvent(Message m, ByteBuf out) {
        out.writeBytes(ID);
        DecimalAscii.write(out, m.seq());
        out.writeByte('\n');
        byte[] payload = m.payload();
        int lineStart = 0;
        for (int i = 0; i <= payload.length; i++) {
            if (i == payload.length || payload[i] == '\n') {
                out.writeBytes(DATA);
                out.writeBytes(payload, lineStart, i - lineStart);
                out.writeByte('\n');
                lineStart = i + 1;
            }
        }
        out.writeByte('\n');
    }

    /** Writes the reconnection hint {@code retry: <millis>} and a blank line. */
    public static void encodeRetry(long retryMillis, ByteBuf out) {
        out.writeBytes(RETRY);
        DecimalAscii.write(out, retryMillis);
        out.writeByte('\n');
        out.writeByte('\n');
    }

    /**
     * Writes the loss notice: {@code event: pushbench-lost}, {@code id: <lastLostSeq>},
     * {@code data: <lostCount>}, so a reconnecting reader resumes after the gap.
     */
    public static void encodeLost(long lostCount, long lastLostSeq, ByteBuf out) {
        out.writeBytes(LOST);
        DecimalAscii.write(out, lastLostSeq);
        out.writeByte('\n');
        out.writeBytes(DATA);
        DecimalAscii.write(out, lostCount);
        out.writeByte('\n');
        out.writeByte('\n');
    }

    /** Writes a heartbeat comment {@code : hb} and a blank line. */
    public static void encodeHeartbeat(ByteBuf out) {
        out.writeBytes(HEARTBEAT);
    }
}
