package io.pushbench.bench.client.websocket;

import io.netty.buffer.ByteBuf;
import io.pushbench.bench.client.http.HttpFramingException;

import java.nio.charset.StandardCharsets;

/**
 * Decodes the application data of the pushbench server's WebSocket messages (docs/wire-format.md): a binary message
 * is {@code <seq> LF <payload>}; a text message is a JSON notice {@code {"lost":K,"nextAfter":N}}. For external
 * targets, {@link #hasSeqPrefix} and {@link #isLostNotice} tell those apart from bare payloads. Callable outside a
 * channel (tests, JMH).
 */
public final class WsMessageDecoder {
    private static final int MAX_SEQ_DIGITS = 18;
    private static final byte[] LOST_NOTICE_START = "{\"lost\":".getBytes(StandardCharsets.US_ASCII);

    private WsMessageDecoder() {
    }

    /**
     * Reads the seq prefix of a binary message and leaves {@code data}'s reader index at the payload.
     *
     * @return the seq
     * @throws HttpFramingException when the data does not start with ASCII digits and LF
     */
    public static long readSeqPrefix(ByteBuf data) {
        long seq = 0;
        int digits = 0;
        while (data.isReadable()) {
            byte b = data.readByte();
            if (b == '\n' && digits > 0) {
                return seq;
            }
            if (b < '0' || b > '9' || ++digits > 18) {
                throw new HttpFramingException("binary WebSocket message does not start with '<seq> LF'");
            }
            seq = seq * 10 + (b - '0');
        }
        throw new HttpFramingException("binary WebSocket message ends inside its seq prefix");
    }

    /**
     * Whether the readable data starts with a seq prefix: 1 to 18 ASCII digits, then LF. A payload that starts with
     * the load generator's header ({@code pb1 ...}) never does. Does not move the reader index.
     */
    public static boolean hasSeqPrefix(ByteBuf data) {
        int end = Math.min(data.writerIndex(), data.readerIndex() + MAX_SEQ_DIGITS + 1);
        for (int i = data.readerIndex(); i < end; i++) {
            byte b = data.getByte(i);
            if (b == '\n') {
                return i > data.readerIndex();
            }
            if (b < '0' || b > '9') {
                return false;
            }
        }
        return false;
    }

    /** Whether the readable data is a pushbench loss notice (starts with {@code {"lost":}). Does not move the reader index. */
    public static boolean isLostNotice(ByteBuf data) {
        if (data.readableBytes() < LOST_NOTICE_START.length) {
            return false;
        }
        for (int i = 0; i < LOST_NOTICE_START.length; i++) {
            if (data.getByte(data.readerIndex() + i) != LOST_NOTICE_START[i]) {
                return false;
            }
        }
        return true;
    }

    /** The {@code lost} count of a notice, or 0 when the notice has none. */
    public static long lostOf(CharSequence notice) {
        return longField(notice, "\"lost\"");
    }

    /** The {@code nextAfter} cursor of a notice, or -1 when the notice has none. */
    public static long nextAfterOf(CharSequence notice) {
        String s = notice.toString();
        return s.contains("\"nextAfter\"") ? longField(s, "\"nextAfter\"") : -1;
    }

    private static long longField(CharSequence json, String quotedName) {
        String s = json.toString();
        int i = s.indexOf(quotedName);
        if (i < 0) {
            return 0;
        }
        i = s.indexOf(':', i + quotedName.length());
        if (i < 0) {
            return 0;
        }
        i++;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        long v = 0;
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && i - start < 18) {
            v = v * 10 + (s.charAt(i++) - '0');
        }
        return i > start ? v : 0;
    }
}
