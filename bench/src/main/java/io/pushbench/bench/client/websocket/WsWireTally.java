package io.pushbench.bench.client.websocket;

/**
 * The wire size of the data frames of the message being received on one connection, recorded before decompression
 * by {@link WsFrameSizeRecorder} and taken by {@link WsClientHandler} when the message is complete. Confined to the
 * connection's event loop.
 */
final class WsWireTally {
    int headerBytes;
    long dataBytes;
    boolean compressed;

    void clear() {
        headerBytes = 0;
        dataBytes = 0;
        compressed = false;
    }

    /** The size of an unmasked frame header (RFC 6455 5.2) for this much application data. */
    static int headerBytes(long dataLength, boolean masked) {
        int extended = dataLength <= 125 ? 0 : dataLength <= 65535 ? 2 : 8;
        return 2 + extended + (masked ? 4 : 0);
    }
}
