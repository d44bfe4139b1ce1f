package io.pushbench.bench.client.websocket;

/**
 * The wire size of the data frames of the message being received on one connection, recorded before decompression
 * by {@link WsFrameDecoder} and taken by {@link WsClientHandler} when the message is complete. Confined to the
 * connection's event loop.
 */
public final class WsWireTally {
    int headerBytes;
    long dataBytes;
    boolean compressed;

    /** Forgets the message taken. */
    public void clear() {
        headerBytes = 0;
        dataBytes = 0;
        compressed = false;
    }
}
