package io.pushbench.bench.jmh.decode;

import io.netty.buffer.ByteBuf;
import io.pushbench.bench.client.poll.BatchBodyParser;
import io.pushbench.bench.client.poll.PollBodyParser;

/** Poll answers, as the client's PollClientHandler reads them: each body through {@link BatchBodyParser}. */
final class PollAnswerDecoder extends HttpStreamDecoder implements PollBodyParser.Sink {
    private final BatchBodyParser parser = new BatchBodyParser();

    @Override
    public void onContent(ByteBuf content) {
        parser.content(content, this);
    }

    @Override
    public void onEnd() {
        parser.end(this);
    }

    @Override
    public void onMessage(long seq, ByteBuf payload, int framingBytes) {
        delivered(seq);
    }
}
