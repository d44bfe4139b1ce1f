package io.pushbench.model;

/**
 * What the application bytes a socket moved were for. Every byte a client or server socket wrote or
 * read falls in exactly one category, so the categories of one direction add up to that direction's
 * total.
 *
 * <p>Attribution rules (the same on both sides, documented in {@code docs/metrics.md}):
 * <ul>
 *   <li>{@link #EMPTY_RESPONSE} takes every byte of a request/response exchange that delivered no
 *       message (an empty short poll, a long poll that timed out), both directions: that is the waste.</li>
 *   <li>Otherwise a response's status line and headers, and a request's request line and headers, are
 *       {@link #HTTP_HEADERS}; the WebSocket upgrade request and {@code 101} response and the close
 *       handshake are {@link #HANDSHAKE}.</li>
 *   <li>{@link #PAYLOAD} is exactly the message payload bytes as published; everything that wraps them
 *       (chunk headers, batch record headers, {@code id:}/{@code data:} field names and line ends,
 *       WebSocket frame headers and the seq prefix) is {@link #FRAMING}.</li>
 *   <li>{@link #HEARTBEAT} is keep-alive traffic that carries no message: SSE comments, the
 *       {@code retry:} hint, WebSocket ping and pong frames, server notices.</li>
 * </ul>
 */
public enum ByteCategory {
    HANDSHAKE("handshake"),
    HTTP_HEADERS("headers"),
    FRAMING("framing"),
    PAYLOAD("payload"),
    HEARTBEAT("heartbeat"),
    EMPTY_RESPONSE("empty");

    private final String label;

    ByteCategory(String label) {
        this.label = label;
    }

    /** The short label used in JSON keys and chart legends. */
    public String label() {
        return label;
    }
}
