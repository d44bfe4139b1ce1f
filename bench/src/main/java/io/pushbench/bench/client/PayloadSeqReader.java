package io.pushbench.bench.client;

import io.netty.buffer.ByteBuf;

/**
 * Reads a message's sequence number from its payload, for external servers whose framing does not carry it.
 *
 * <p>The load generator defines the payload header (topic, seq, scheduled publish time as printable ASCII at the
 * payload's start) and supplies the implementation. Called on a client event loop; must not change the buffer's
 * indexes.
 */
@FunctionalInterface
public interface PayloadSeqReader {

    /** The sequence number carried by this payload, or -1 when the payload carries none. */
    long seqOf(ByteBuf payload);

    /** For servers whose payloads carry no sequence number: delivery checks are then skipped. */
    PayloadSeqReader NONE = payload -> -1;
}
