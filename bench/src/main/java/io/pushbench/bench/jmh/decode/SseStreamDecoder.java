package io.pushbench.bench.jmh.decode;

import io.netty.buffer.ByteBuf;
import io.pushbench.bench.client.http.HttpResponseFramer;
import io.pushbench.bench.client.http.HttpResponseHead;
import io.pushbench.bench.client.sse.SseEventParser;

/**
 * An event stream, as the client's SseClientHandler reads it: {@link HttpResponseFramer} removes the
 * chunk framing; {@link SseEventParser} turns the stream into events, whose id is the message's seq.
 */
final class SseStreamDecoder implements ClientDecoder, HttpResponseFramer.Listener, SseEventParser.Listener {
    private final HttpResponseFramer framer = new HttpResponseFramer(this);
    private final SseEventParser parser = new SseEventParser(this);
    private long seqSum;

    @Override
    public long decode(ByteBuf wire) {
        seqSum = 0;
        try {
            framer.feed(wire);
        } finally {
            wire.release();
        }
        return seqSum;
    }

    @Override
    public void onHead(HttpResponseHead head) {
        if (head.status() != 200) {
            throw new IllegalStateException("an event stream must answer 200, was " + head.status());
        }
    }

    @Override
    public void onContent(ByteBuf content) {
        parser.feed(content);
    }

    @Override
    public void onFramingBytes(int bytes) {
        // chunk framing: counted by the load generator's ledger, not needed here
    }

    @Override
    public void onEnd() {
        throw new IllegalStateException("an event stream never ends");
    }

    @Override
    public void onEvent(String type, String lastEventId, ByteBuf data, int eventBytes) {
        seqSum += Long.parseLong(lastEventId);
    }

    @Override
    public void onOtherBytes(int bytes) {
        // comments and retry hints carry no message
    }

    @Override
    public void onRetry(long millis) {
        // the reconnection hint does not matter without reconnections
    }

    @Override
    public void close() {
        // nothing held between calls
    }
}
