package io.pushbench.bench.client.poll;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** A body that is one payload (external servers answering one message per response); an empty body is none. */
public final class SinglePayloadBodyParser implements PollBodyParser {
    private final ByteBuf body = Unpooled.buffer(256);

    @Override
    public void content(ByteBuf piece, Sink sink) {
        if (body.readableBytes() + piece.readableBytes() > BatchBodyParser.MAX_PAYLOAD_BYTES) {
            throw new io.pushbench.bench.client.http.HttpFramingException(
                    "response body longer than " + BatchBodyParser.MAX_PAYLOAD_BYTES + " bytes");
        }
        body.writeBytes(piece);
    }

    @Override
    public void end(Sink sink) {
        if (body.isReadable()) {
            sink.onMessage(-1, body, 0);
        }
        body.clear();
    }
}
