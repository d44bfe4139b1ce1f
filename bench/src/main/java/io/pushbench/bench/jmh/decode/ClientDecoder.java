package io.pushbench.bench.jmh.decode;

import io.netty.buffer.ByteBuf;
import io.pushbench.bench.jmh.wire.ServerEncoding;

/**
 * Turns one strategy's wire bytes back into messages the way the load generator's client handlers do,
 * without a socket. One per simulated connection; confined to one thread.
 */
interface ClientDecoder extends AutoCloseable {

    /**
     * Decodes the next bytes of the connection (all of {@code wire} is consumed and released).
     *
     * @return the sum of the seqs of the messages completed by these bytes (0 when none), so the
     *     caller can check and consume the result
     */
    long decode(ByteBuf wire);

    @Override
    void close();

    /** A new decoder for the bytes a server wire of {@code encoding} sends. */
    static ClientDecoder forEncoding(ServerEncoding encoding) {
        return switch (encoding) {
            case POLL_ANSWER -> new PollAnswerDecoder();
            case SSE_EVENT -> new SseStreamDecoder();
            case WS_FRAME -> new WebSocketMessageDecoder(false);
            case WS_FRAME_DEFLATE -> new WebSocketMessageDecoder(true);
        };
    }
}
