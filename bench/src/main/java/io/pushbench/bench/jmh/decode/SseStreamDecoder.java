package io.pushbench.bench.jmh.decode;

import io.netty.buffer.ByteBuf;
import io.pushbench.bench.client.sse.SseEventParser;

/**
 * An event stream, as the client's SseClientHandler reads it: the chunked body through
 * {@link SseEventParser}; an event's id is the message's seq.
 */
final class SseStreamDecoder extends HttpStreamDecoder implements SseEventParser.Listener {
    private final SseEventParser parser = new SseEventParser(this);

    @Override
    public void onContent(ByteBuf content) {
        parser.feed(content);
    }

    @Override
    public void onEnd() {
        throw new IllegalStateException("an event stream never ends");
    }

    @Override
    public void onEvent(String type, String lastEventId, ByteBuf data, int eventBytes) {
        delivered(Long.parseLong(lastEventId));
    }

    @Override
    public void onOtherBytes(int bytes) {
        // comments and retry hints carry no message
    }

    @Override
    public void onRetry(long millis) {
        // the reconnection hint does not matter without reconnections
    }
}
