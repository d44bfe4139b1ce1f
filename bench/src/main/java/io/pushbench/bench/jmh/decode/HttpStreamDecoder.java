package io.pushbench.bench.jmh.decode;

import io.netty.buffer.ByteBuf;
import io.pushbench.bench.client.http.HttpResponseFramer;
import io.pushbench.bench.client.http.HttpResponseHead;

/**
 * The HTTP part the polling and SSE decoders share: the client's {@link HttpResponseFramer} splits
 * response heads, bodies and framing; a subclass parses the body content into messages and adds their
 * seqs with {@link #delivered(long)}.
 */
abstract class HttpStreamDecoder implements ClientDecoder, HttpResponseFramer.Listener {
    private final HttpResponseFramer framer = new HttpResponseFramer(this);
    private long seqSum;

    @Override
    public final long decode(ByteBuf wire) {
        seqSum = 0;
        try {
            framer.feed(wire);
        } finally {
            wire.release();
        }
        return seqSum;
    }

    /** A message with this seq was completed. */
    protected final void delivered(long seq) {
        seqSum += seq;
    }

    @Override
    public void onHead(HttpResponseHead head) {
        if (head.status() != 200) {
            throw new IllegalStateException("expected a 200 answer carrying messages, got " + head.status());
        }
    }

    @Override
    public void onFramingBytes(int bytes) {
        // chunk framing: the load generator's ledger counts it; nothing to parse
    }

    @Override
    public void close() {
        // nothing held between calls
    }
}
