package io.pushbench.bench.client.http;

import java.util.Locale;
import java.util.Map;

/**
 * The status line and headers of one HTTP/1.x response, with the exact number of bytes they took on the wire.
 *
 * @param version   e.g. {@code HTTP/1.1}
 * @param status    the status code
 * @param headers   header names lower-cased; a repeated header keeps its values joined with {@code ", "}
 * @param sizeBytes bytes of the status line, header lines and the blank line, line ends included
 */
public record HttpResponseHead(String version, int status, Map<String, String> headers, int sizeBytes) {

    /** The value of a header (any case), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The {@code Content-Length}, or -1 when absent. */
    public long contentLength() {
        String v = header("content-length");
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether the body uses chunked transfer coding. */
    public boolean chunked() {
        String v = header("transfer-encoding");
        return v != null && v.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** Whether the response has no body by its status (1xx, 204, 304). */
    public boolean bodiless() {
        return status / 100 == 1 || status == 204 || status == 304;
    }

    /** Whether the server closes the connection after this response. */
    public boolean connectionClose() {
        String v = header("connection");
        if (v != null) {
            String c = v.toLowerCase(Locale.ROOT);
            if (c.contains("close")) {
                return true;
            }
            if (c.contains("keep-alive")) {
                return false;
            }
        }
        return "HTTP/1.0".equals(version);
    }

    /** A long header value, or {@code absent} when missing or not a number. */
    public long longHeader(String name, long absent) {
        String v = header(name);
        if (v == null) {
            return absent;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return absent;
        }
    }
}
