package io.pushbench.bench.client.http;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The status line and headers of one HTTP/1.x response, with the exact number of bytes they took on the wire.
 *
 * <p>Parsed once into offsets over a copy of the head's bytes: a client reads a head per poll answer, so the head
 * is not turned into a map of strings; a header value becomes a {@code String} only when {@link #header} asks for
 * it, and numeric headers are read straight from the bytes.
 */
public final class HttpResponseHead {
    private static final byte[] HTTP_1_0 = "HTTP/1.0".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_STATUS_DIGITS = 9;
    private static final int MAX_LONG_DIGITS = 18;

    private final byte[] bytes;
    /** Per header line: name start, name end, value start, value end (offsets in {@link #bytes}). */
    private final int[] fields;
    private final int fieldCount;
    private final int versionStart;
    private final int versionEnd;
    private final int status;

    private HttpResponseHead(byte[] bytes, int[] fields, int fieldCount, int versionStart, int versionEnd, int status) {
        this.bytes = bytes;
        this.fields = fields;
        this.fieldCount = fieldCount;
        this.versionStart = versionStart;
        this.versionEnd = versionEnd;
        this.status = status;
    }

    /**
     * Parses a complete head (status line, header lines, blank line; empty lines before the status line are
     * allowed and counted) without regular expressions.
     *
     * @throws HttpFramingException when there is no status line or it is not {@code HTTP/x.y <code> ...}
     */
    static HttpResponseHead parse(ByteBuf head) {
        byte[] b = new byte[head.readableBytes()];
        head.getBytes(head.readerIndex(), b);
        int[] fields = new int[32];
        int count = 0;
        int statusStart = -1;
        int statusEnd = -1;
        int pos = 0;
        while (pos < b.length) {
            int lf = indexOf(b, pos, b.length, (byte) '\n');
            int lineEnd = lf < 0 ? b.length : lf;
            int contentEnd = lineEnd > pos && b[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (contentEnd > pos) {
                if (statusStart < 0) {
                    statusStart = pos;
                    statusEnd = contentEnd;
                } else {
                    if (count * 4 == fields.length) {
                        fields = Arrays.copyOf(fields, fields.length * 2);
                    }
                    if (addField(b, pos, contentEnd, fields, count * 4)) {
                        count++;
                    }
                }
            }
            pos = lineEnd + 1;
        }
        if (statusStart < 0) {
            throw new HttpFramingException("empty HTTP response head");
        }
        int sp1 = indexOf(b, statusStart, statusEnd, (byte) ' ');
        if (sp1 < 0 || !startsWith(b, statusStart, "HTTP/")) {
            throw new HttpFramingException("bad HTTP status line '" + text(b, statusStart, statusEnd) + "'");
        }
        int sp2 = indexOf(b, sp1 + 1, statusEnd, (byte) ' ');
        long status = digits(b, sp1 + 1, sp2 < 0 ? statusEnd : sp2, MAX_STATUS_DIGITS);
        if (status < 0) {
            throw new HttpFramingException("bad HTTP status code in '" + text(b, statusStart, statusEnd) + "'");
        }
        return new HttpResponseHead(b, fields, count, statusStart, sp1, (int) status);
    }

    /** Records the name and value offsets of one header line; false when it is not one (no name before a colon). */
    private static boolean addField(byte[] b, int from, int to, int[] fields, int at) {
        int colon = indexOf(b, from, to, (byte) ':');
        if (colon <= from) {
            return false; // obsolete folding or garbage: ignored
        }
        int nameEnd = colon;
        while (nameEnd > from && isSpace(b[nameEnd - 1])) {
            nameEnd--;
        }
        int valueStart = colon + 1;
        while (valueStart < to && isSpace(b[valueStart])) {
            valueStart++;
        }
        int valueEnd = to;
        while (valueEnd > valueStart && isSpace(b[valueEnd - 1])) {
            valueEnd--;
        }
        fields[at] = from;
        fields[at + 1] = nameEnd;
        fields[at + 2] = valueStart;
        fields[at + 3] = valueEnd;
        return true;
    }

    /** e.g. {@code HTTP/1.1}. */
    public String version() {
        return text(bytes, versionStart, versionEnd);
    }

    /** The status code. */
    public int status() {
        return status;
    }

    /** Bytes of the status line, header lines and the blank line, line ends included. */
    public int sizeBytes() {
        return bytes.length;
    }

    /** The value of a header (any case), or null; a repeated header gives its values joined with {@code ", "}. */
    public String header(String name) {
        String value = null;
        for (int i = next(name, 0); i >= 0; i = next(name, i + 1)) {
            String v = text(bytes, fields[i * 4 + 2], fields[i * 4 + 3]);
            value = value == null ? v : value + ", " + v;
        }
        return value;
    }

    /** A long header value, or {@code absent} when missing, repeated or not a number. */
    public long longHeader(String name, long absent) {
        int i = next(name, 0);
        if (i < 0 || next(name, i + 1) >= 0) {
            return absent;
        }
        long v = digits(bytes, fields[i * 4 + 2], fields[i * 4 + 3], MAX_LONG_DIGITS);
        return v < 0 ? absent : v;
    }

    /** The {@code Content-Length}, or -1 when absent. */
    public long contentLength() {
        return longHeader("content-length", -1);
    }

    /** Whether the body uses chunked transfer coding. */
    public boolean chunked() {
        return anyValueContains("transfer-encoding", "chunked");
    }

    /** Whether the response has no body by its status (1xx, 204, 304). */
    public boolean bodiless() {
        return status / 100 == 1 || status == 204 || status == 304;
    }

    /** Whether the server closes the connection after this response. */
    public boolean connectionClose() {
        if (anyValueContains("connection", "close")) {
            return true;
        }
        if (anyValueContains("connection", "keep-alive")) {
            return false;
        }
        return versionEnd - versionStart == HTTP_1_0.length && startsWith(bytes, versionStart, "HTTP/1.0");
    }

    /** The index of the first header named {@code name} (any case) at or after {@code from}, or -1. */
    private int next(String name, int from) {
        for (int i = from; i < fieldCount; i++) {
            int start = fields[i * 4];
            if (fields[i * 4 + 1] - start == name.length() && equalsIgnoreCase(bytes, start, name)) {
                return i;
            }
        }
        return -1;
    }

    private boolean anyValueContains(String name, String lowerCaseWord) {
        for (int i = next(name, 0); i >= 0; i = next(name, i + 1)) {
            int end = fields[i * 4 + 3] - lowerCaseWord.length();
            for (int at = fields[i * 4 + 2]; at <= end; at++) {
                if (equalsIgnoreCase(bytes, at, lowerCaseWord)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code b} at {@code at} holds {@code lowerCase} in any case (ASCII). */
    private static boolean equalsIgnoreCase(byte[] b, int at, String lowerCase) {
        for (int k = 0; k < lowerCase.length(); k++) {
            int c = b[at + k];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != Character.toLowerCase(lowerCase.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** The decimal number in [from, to), or -1 when empty, longer than {@code maxDigits} or not all digits. */
    private static long digits(byte[] b, int from, int to, int maxDigits) {
        if (to <= from || to - from > maxDigits) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static boolean startsWith(byte[] b, int at, String prefix) {
        if (b.length - at < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (b[at + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    @Override
    public String toString() {
        return text(bytes, 0, bytes.length).trim();
    }
}
