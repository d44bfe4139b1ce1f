package io.pushbench.bench.client.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.pushbench.bench.client.UrlTemplate;

import java.nio.charset.StandardCharsets;

/**
 * Encodes the minimal HTTP/1.1 GET requests one client connection sends: {@code GET <target> HTTP/1.1}, {@code Host},
 * and the few optional headers a strategy needs. Nothing else, so the request bytes counted are the bytes a lean
 * client needs.
 *
 * <p>The constant parts (the target around the cursor, the request line's end, the {@code Host} line) are encoded
 * once per connection, and the cursor's digits are written straight into the buffer: a long-polling client sends a
 * request per delivered message. Confined to the connection's event loop.
 *
 * <p>Typical use: {@code ctx.writeAndFlush(writer.get(ctx.alloc(), client.lastSeq(), "If-None-Match", etag));}
 */
public final class HttpRequestWriter {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final int MAX_SEQ_DIGITS = 19;

    /** The pieces between cursors; the first starts with {@code GET }, the last ends with the Host line. */
    private final byte[][] pieces;
    private final int constantBytes;
    /** Lower-case names already in the header block: the per-request headers of the same name are not written again. */
    private final java.util.Set<String> blockNames;

    /**
     * @param template the URL template; its {@code {seq}} is the cursor (without it, the target never changes)
     * @param topic    the connection's topic
     */
    public HttpRequestWriter(UrlTemplate template, String topic) {
        this(template, topic, "", java.util.Set.of());
    }

    /**
     * @param headerBlock header lines ({@code Name: value CRLF} each) sent after Host in every request, e.g. a
     *                    browser's ({@link io.pushbench.bench.client.headers.ClientHeaders#block})
     * @param blockNames  the lower-case names of those headers
     */
    public HttpRequestWriter(UrlTemplate template, String topic, String headerBlock, java.util.Set<String> blockNames) {
        this.blockNames = java.util.Set.copyOf(blockNames);
        String[] target = template.requestTargetAroundSeq(topic);
        pieces = new byte[target.length][];
        int bytes = 0;
        for (int i = 0; i < target.length; i++) {
            String piece = (i == 0 ? "GET " : "") + target[i]
                    + (i == target.length - 1 ? " HTTP/1.1\r\nHost: " + template.hostHeader() + "\r\n" + headerBlock : "");
            pieces[i] = piece.getBytes(StandardCharsets.ISO_8859_1);
            bytes += pieces[i].length;
        }
        constantBytes = bytes;
    }

    /**
     * A GET request with this cursor.
     *
     * @param seq            the cursor, &gt;= 0
     * @param namesAndValues optional headers as name, value pairs; pairs with a null or empty value are left out
     */
    public ByteBuf get(ByteBufAllocator alloc, long seq, String... namesAndValues) {
        int size = constantBytes + (pieces.length - 1) * MAX_SEQ_DIGITS + CRLF.length;
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (written(namesAndValues[i], value)) {
                size += namesAndValues[i].length() + 2 + value.length() + CRLF.length;
            }
        }
        ByteBuf buf = alloc.buffer(size);
        buf.writeBytes(pieces[0]);
        for (int i = 1; i < pieces.length; i++) {
            writeDecimal(buf, seq);
            buf.writeBytes(pieces[i]);
        }
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (written(namesAndValues[i], value)) {
                buf.writeCharSequence(namesAndValues[i], StandardCharsets.ISO_8859_1);
                buf.writeByte(':').writeByte(' ');
                buf.writeCharSequence(value, StandardCharsets.ISO_8859_1);
                buf.writeBytes(CRLF);
            }
        }
        buf.writeBytes(CRLF);
        return buf;
    }

    private boolean written(String name, String value) {
        return value != null && !value.isEmpty()
                && (blockNames.isEmpty() || !blockNames.contains(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** Writes a non-negative number in decimal, without a String. */
    private static void writeDecimal(ByteBuf buf, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("cursor must be >= 0, got " + value);
        }
        int digits = 1;
        for (long v = value / 10; v > 0; v /= 10) {
            digits++;
        }
        buf.ensureWritable(digits);
        int end = buf.writerIndex() + digits;
        long v = value;
        for (int i = end - 1; i >= buf.writerIndex(); i--) {
            buf.setByte(i, (int) ('0' + v % 10));
            v /= 10;
        }
        buf.writerIndex(end);
    }
}
