package io.pushbench.bench.client.poll;

import io.netty.buffer.ByteBuf;

/**
 * Parses polling response bodies back into messages, fed in pieces as they arrive. Callable outside a channel (tests,
 * JMH). Not thread-safe; one per connection, reused across responses.
 */
public interface PollBodyParser {

    /** Receives each message; the payload is readable only during the call. */
    interface Sink {
        /**
         * @param seq          the seq from the framing, or -1 when the format carries none
         * @param payload      the payload bytes
         * @param framingBytes body bytes around this payload that belong to it (record header, line end)
         */
        void onMessage(long seq, ByteBuf payload, int framingBytes);
    }

    /** Parses the next piece of the body (all of it is consumed). */
    void content(ByteBuf piece, Sink sink);

    /**
     * The body is complete.
     *
     * @throws io.pushbench.bench.client.http.HttpFramingException when it ended inside a message
     */
    void end(Sink sink);

}
