package io.pushbench.bench.client.sse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ByteProcessor;
import io.pushbench.bench.client.http.HttpFramingException;
import io.pushbench.bench.client.http.SpillBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Parses a {@code text/event-stream} into events, per the HTML Living Standard ("Server-sent events", "Interpreting
 * an event stream"): lines end with CRLF, LF or CR; a leading UTF-8 BOM is dropped; {@code :} starts a comment;
 * fields {@code data} (lines joined with LF), {@code event}, {@code id} (ignored when it contains NUL; the last event
 * ID persists across events and reconnections) and {@code retry} (only ASCII digits); unknown fields are ignored; a
 * blank line dispatches the event unless its data is empty.
 *
 * <p>Every byte fed is reported once: as part of a dispatched event ({@code eventBytes}, field names, values and line
 * ends included) or as {@link Listener#onOtherBytes other bytes} (comments, {@code retry} lines, the BOM, events that
 * were not dispatched). Callable outside a channel (tests, JMH). Not thread-safe; one per stream.
 */
public final class SseEventParser {
    /** Receives events; {@code data} is readable only during the call. */
    public interface Listener {
        /**
         * A dispatched event.
         *
         * @param type        the event type, {@code "message"} when no {@code event:} field was given
         * @param lastEventId the last event ID string after this event ("" when none ever)
         * @param data        the data lines joined with LF
         * @param eventBytes  the stream bytes of this event, from its first field line to its blank line included
         */
        void onEvent(String type, String lastEventId, ByteBuf data, int eventBytes);

        /** Stream bytes that belong to no dispatched event. */
        void onOtherBytes(int bytes);

        /** A {@code retry:} field: the reconnection time the server asks for. */
        void onRetry(long millis);
    }

    /** The longest line, and the most data of one event, accepted, in bytes. */
    public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Lines cut by the end of a read, and events' data, of every parser: see {@link SpillBuffer}. */
    private static final SpillBuffer LINES = new SpillBuffer();
    private static final SpillBuffer DATA = new SpillBuffer();

    private final Listener listener;
    // a line cut by the end of a read, and the data of the event being read: buffers only while there are such
    // bytes, so an idle subscriber holds none (docs/scale.md)
    private ByteBuf line = Unpooled.EMPTY_BUFFER;
    private ByteBuf data = Unpooled.EMPTY_BUFFER;
    private String eventType = "";
    private String idBuffer = "";
    private int bomMatched;
    private boolean bomChecked;
    private boolean skipLf;
    private int eventBytes;

    public SseEventParser(Listener listener) {
        this.listener = listener;
    }

    /** Feeds the next bytes of the stream (all of {@code in} is consumed). */
    public void feed(ByteBuf in) {
        try {
            feedLines(in);
        } finally {
            line = LINES.spilled(line);
            data = DATA.spilled(data);
        }
    }

    private void feedLines(ByteBuf in) {
        if (!bomChecked) {
            checkBom(in);
        }
        if (skipLf && in.isReadable()) {
            skipLf = false;
            if (in.getByte(in.readerIndex()) == '\n') {
                in.skipBytes(1);
                listener.onOtherBytes(1); // the LF of a CRLF split across reads; its line is already processed
            }
        }
        while (in.isReadable()) {
            int end = in.forEachByte(ByteProcessor.FIND_CRLF);
            if (end < 0) {
                if (line.readableBytes() + in.readableBytes() > MAX_LINE_BYTES) {
                    throw new HttpFramingException("event-stream line longer than " + MAX_LINE_BYTES + " bytes");
                }
                line = LINES.writable(line);
                line.writeBytes(in);
                return;
            }
            int endBytes = 1;
            boolean cr = in.getByte(end) == '\r';
            if (cr && end + 1 < in.writerIndex() && in.getByte(end + 1) == '\n') {
                endBytes = 2;
            } else if (cr && end + 1 == in.writerIndex()) {
                skipLf = true;
            }
            int start = in.readerIndex();
            in.readerIndex(end + endBytes);
            if (line.isReadable()) {
                line.writeBytes(in, start, end - start);
                processLine(line, line.readerIndex(), line.writerIndex(), endBytes);
                line = LINES.released(line);
            } else {
                processLine(in, start, end, endBytes);   // in place: no copy, no slice
            }
        }
    }

    /** A new connection of the same event source: partial state is dropped, the last event ID is kept. */
    public void reset() {
        line = LINES.released(line);
        data = DATA.released(data);
        eventType = "";
        bomMatched = 0;
        bomChecked = false;
        skipLf = false;
        eventBytes = 0;
    }

    /** The last event ID buffer ("" when none). */
    public String lastEventId() {
        return idBuffer;
    }

    private void checkBom(ByteBuf in) {
        while (in.isReadable() && bomMatched < BOM.length) {
            if (in.getByte(in.readerIndex()) != BOM[bomMatched]) {
                if (bomMatched > 0) {
                    line = LINES.writable(line);
                    line.writeBytes(BOM, 0, bomMatched); // not a BOM after all: the bytes are stream content
                }
                bomChecked = true;
                return;
            }
            in.skipBytes(1);
            bomMatched++;
        }
        if (bomMatched == BOM.length) {
            bomChecked = true;
            listener.onOtherBytes(BOM.length);
        }
    }

    /** The line in {@code l} from {@code start} to {@code end} (exclusive, its line end not included). */
    private void processLine(ByteBuf l, int start, int end, int endBytes) {
        int length = end - start;
        int total = length + endBytes;
        if (length == 0) {
            dispatch(total);
            return;
        }
        if (l.getByte(start) == ':') {
            listener.onOtherBytes(total);
            return;
        }
        int colon = l.indexOf(start, end, (byte) ':');
        int nameEnd = colon < 0 ? end : colon;
        int valueStart = colon < 0 ? end : colon + 1;
        if (valueStart < end && l.getByte(valueStart) == ' ') {
            valueStart++;
        }
        int nameLength = nameEnd - start;
        int valueLength = end - valueStart;
        if (is(l, start, nameLength, "data")) {
            if (data.readableBytes() + valueLength > MAX_LINE_BYTES) {
                throw new HttpFramingException("event data longer than " + MAX_LINE_BYTES + " bytes");
            }
            data = DATA.writable(data);
            data.writeBytes(l, valueStart, valueLength).writeByte('\n');
            eventBytes += total;
        } else if (is(l, start, nameLength, "retry")) {
            long millis = parseDigits(l, valueStart, valueLength);
            if (millis >= 0) {
                listener.onRetry(millis);
            }
            listener.onOtherBytes(total);
        } else {
            if (is(l, start, nameLength, "event")) {
                eventType = l.toString(valueStart, valueLength, StandardCharsets.UTF_8);
            } else if (is(l, start, nameLength, "id") && l.indexOf(valueStart, end, (byte) 0) < 0) {
                idBuffer = l.toString(valueStart, valueLength, StandardCharsets.UTF_8);
            }
            eventBytes += total;
        }
    }

    private void dispatch(int blankLineBytes) {
        int bytes = eventBytes + blankLineBytes;
        eventBytes = 0;
        if (!data.isReadable()) {
            eventType = "";
            listener.onOtherBytes(bytes);
            return;
        }
        data.writerIndex(data.writerIndex() - 1); // the LF after the last data line
        String type = eventType.isEmpty() ? "message" : eventType;
        eventType = "";
        try {
            listener.onEvent(type, idBuffer, data, bytes);
        } finally {
            data = DATA.released(data);
        }
    }

    private static boolean is(ByteBuf l, int start, int length, String name) {
        if (length != name.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (l.getByte(start + i) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long parseDigits(ByteBuf l, int start, int length) {
        if (length == 0 || length > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < length; i++) {
            byte b = l.getByte(start + i);
            if (b < '0' || b > '9') {
                return -1;
            }
            v = v * 10 + (b - '0');
        }
        return v;
    }
}
