package io.pushbench.bench.client;

import io.netty.buffer.ByteBuf;

/**
 * Receives what the simulated clients of a {@link ClientGroup} observe.
 *
 * <p>Every method is called on the calling client's event loop thread (a thread named
 * {@code pushbench-client-...}), so an implementation must be cheap and must not block; it may be
 * called concurrently from several event loops for different clients. A client is confined to one
 * event loop for its whole life, so calls for one {@code clientId} never overlap.
 *
 * <p>Typical use: record {@code receiveNanos - scheduledPublishNanos} into a per-event-loop
 * {@code SingleWriterRecorder}, where the scheduled publish time is parsed from the payload.
 */
public interface DeliveryListener {

    /**
     * One message delivered to one client.
     *
     * @param clientId     the client, 0 .. clients-1 of its group
     * @param topic        the client's topic
     * @param seq          the message's sequence number (from the framing for the pushbench server, from the
     *                     payload through {@link PayloadSeqReader} for an external server; -1 when unknown)
     * @param payload      the payload bytes exactly as published; readable only during this call (do not retain,
     *                     do not change its reader index)
     * @param receiveNanos {@link System#nanoTime()} when the bytes carrying this message were read from the socket
     */
    void onMessage(int clientId, String topic, long seq, ByteBuf payload, long receiveNanos);

    /**
     * The server said {@code lostCount} messages of this client's topic were dropped by retention before the client
     * got them (header, event or notice, see {@code docs/wire-format.md}). The client's cursor has moved past them.
     */
    void onLost(int clientId, String topic, long lostCount);

    /**
     * A connection is ready: TCP connect plus the first response head (short polling, SSE), the first request written
     * (long polling: the server may hold its answer for the whole hold time) or the completed WebSocket handshake.
     * Called once per connection, so again after every reconnect.
     *
     * @param connectNanos nanoseconds from the start of the TCP connect to that point
     */
    void onConnected(int clientId, long connectNanos);

    /**
     * Something went wrong for this client: an unexpected disconnect, a failed connect, a protocol error or a
     * resource limit (then the description names the limit and how to raise it). The client reconnects with a
     * bounded backoff unless its group is closing.
     */
    void onError(int clientId, String description);

    /** A listener that ignores everything (for tests and warm-up runs). */
    DeliveryListener IGNORE = new DeliveryListener() {
        @Override
        public void onMessage(int clientId, String topic, long seq, ByteBuf payload, long receiveNanos) {
        }

        @Override
        public void onLost(int clientId, String topic, long lostCount) {
        }

        @Override
        public void onConnected(int clientId, long connectNanos) {
        }

        @Override
        public void onError(int clientId, String description) {
        }
    };
}
