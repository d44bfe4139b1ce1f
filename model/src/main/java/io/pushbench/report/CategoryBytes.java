package io.pushbench.report;

import io.pushbench.model.ByteCategory;

import java.util.Map;

/**
 * Application bytes of one direction, split by {@link ByteCategory}; the categories add up to the total.
 *
 * @param handshakeBytes     connection setup: WebSocket upgrade request/response, close handshake
 * @param headersBytes       request lines, status lines and headers of exchanges that delivered something
 * @param framingBytes       everything that wraps payloads: chunk headers, batch record headers, SSE field names, WebSocket frame headers and seq prefix
 * @param payloadBytes       message payload bytes, exactly as published
 * @param heartbeatBytes     keep-alive traffic carrying no message: SSE comments and retry hint, pings/pongs, notices
 * @param emptyResponseBytes every byte of request/response exchanges that delivered no message
 * @param totalBytes         the sum of the categories
 */
public record CategoryBytes(
        long handshakeBytes,
        long headersBytes,
        long framingBytes,
        long payloadBytes,
        long heartbeatBytes,
        long emptyResponseBytes,
        long totalBytes) {

    /** No bytes at all. */
    public static final CategoryBytes ZERO = new CategoryBytes(0, 0, 0, 0, 0, 0, 0);

    /** Builds the split from per-category counts; a missing category counts 0, the total is computed. */
    public static CategoryBytes of(Map<ByteCategory, Long> bytes) {
        long handshake = bytes.getOrDefault(ByteCategory.HANDSHAKE, 0L);
        long headers = bytes.getOrDefault(ByteCategory.HTTP_HEADERS, 0L);
        long framing = bytes.getOrDefault(ByteCategory.FRAMING, 0L);
        long payload = bytes.getOrDefault(ByteCategory.PAYLOAD, 0L);
        long heartbeat = bytes.getOrDefault(ByteCategory.HEARTBEAT, 0L);
        long empty = bytes.getOrDefault(ByteCategory.EMPTY_RESPONSE, 0L);
        return new CategoryBytes(handshake, headers, framing, payload, heartbeat, empty,
                handshake + headers + framing + payload + heartbeat + empty);
    }

    /** The bytes of one category. */
    public long get(ByteCategory category) {
        switch (category) {
            case HANDSHAKE: return handshakeBytes;
            case HTTP_HEADERS: return headersBytes;
            case FRAMING: return framingBytes;
            case PAYLOAD: return payloadBytes;
            case HEARTBEAT: return heartbeatBytes;
            case EMPTY_RESPONSE: return emptyResponseBytes;
            default: throw new IllegalArgumentException("unknown category " + category);
        }
    }
}
