package io.pushbench.bench.jmh.decode;

import io.netty.buffer.ByteBuf;
import io.pushbench.bench.client.http.HttpResponseFramer;
import io.pushbench.bench.client.http.HttpResponseHead;
import io.pushbench.bench.client.poll.BatchBodyParser;
import io.pushbench.bench.client.poll.PollBodyParser;

/**
 * Poll answers, as the client's PollClientHandler reads them: {@link HttpResponseFramer} splits heads,
 * bodies and framing; {@link BatchBodyParser} turns each body into messages.
 */
final class PollAnswerDecoder implements ClientDecoder, HttpResponseFramer.Listener, PollBodyParser.Sink {
    private final HttpResponseFramer framer = new HttpResponseFramer(this);
    private final BatchBodyParser parser = new BatchBodyParser();
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
            throw new IllegalStateException("a poll answer with a message must be 200, was " + head.status());
        }
    }

    @Override
    public void onContent(ByteBuf content) {
        parser.content(content, this);
    }

    @Override
    public void onFramingBytes(int bytes) {
        // a Content-Length body has no framing bytes
    }

    @Override
    public void onEnd() {
        parser.end(this);
    }

    @Override
    public void onMessage(long seq, ByteBuf payload, int framingBytes) {
        seqSum += seq;
    }

    @Override
    public void close() {
        // nothing held between calls
    }
}
