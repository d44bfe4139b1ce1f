package io.pushbench.server.wire;

import io.netty.buffer.ByteBuf;

/**
 * Frames data as one HTTP/1.1 chunk in place ({@code <size in hex> CRLF <data> CRLF}, RFC 9112 section 7.1),
 * the same bytes Netty's {@code HttpObjectEncoder} writes for an {@code HttpContent} on a chunked message:
 * a handler that writes the framed buffer below the HTTP codec sends one buffer (one outbound entry, one
 * iovec) per chunk instead of the codec's three.
 *
 * <p>Stateless. Typical use:
 * <pre>{@code
 * ByteBuf chunk = alloc.buffer(HttpChunkFraming.framedBytes(n));
 * HttpChunkFraming.writeHead(chunk, n); ...write n bytes...; HttpChunkFraming.writeTail(chunk);
 * }</pre>
 */
public final class HttpChunkFraming {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private HttpChunkFraming() {
    }

    /** The size of a chunk carrying {@code dataBytes} (&gt; 0) bytes: size line, data and the closing CRLF. */
    public static int framedBytes(int dataBytes) {
        return hexDigits(dataBytes) + 2 + dataBytes + 2;
    }

    /** Writes the chunk's size line for {@code dataBytes} (&gt; 0) bytes of data. */
    public static void writeHead(ByteBuf out, int dataBytes) {
        for (int shift = (hexDigits(dataBytes) - 1) * 4; shift >= 0; shift -= 4) {
            out.writeByte(HEX[(dataBytes >>> shift) & 0xF]);
        }
        out.writeByte('\r');
        out.writeByte('\n');
    }

    /** Writes the CRLF that ends a chunk's data. */
    public static void writeTail(ByteBuf out) {
        out.writeByte('\r');
        out.writeByte('\n');
    }

    private static int hexDigits(int value) {
        return Math.max(1, (35 - Integer.numberOfLeadingZeros(value)) / 4);
    }
}
