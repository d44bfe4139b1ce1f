package io.pushbench.bench.jmh.decode;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateClientExtensionHandshaker;
import io.netty.util.ReferenceCountUtil;
import io.pushbench.bench.client.bytes.ByteLedger;
import io.pushbench.bench.client.websocket.WsClientHandler;
import io.pushbench.bench.client.websocket.WsFrameDecoder;
import io.pushbench.bench.client.websocket.WsMessageDecoder;
import io.pushbench.bench.client.websocket.WsWireTally;

import java.util.Map;

/**
 * WebSocket frames from the server, as the client reads them: the client's own {@link WsFrameDecoder}
 * (in place, with its byte tally) and, with deflate, Netty's PerMessageDeflateDecoder, on an inbound
 * {@link EmbeddedChannel}; then the client's {@link WsMessageDecoder} reads the seq of
 * {@code <seq> LF <payload>}.
 */
final class WebSocketMessageDecoder implements ClientDecoder {
    private final EmbeddedChannel channel;
    private final WsWireTally tally = new WsWireTally();

    WebSocketMessageDecoder(boolean deflate) {
        WsFrameDecoder frames = new WsFrameDecoder(new ByteLedger(), tally, deflate, WsClientHandler.MAX_MESSAGE_BYTES);
        channel = deflate
                ? new EmbeddedChannel(frames, new PerMessageDeflateClientExtensionHandshaker()
                        .handshakeExtension(new WebSocketExtensionData("permessage-deflate", Map.of()))
                        .newExtensionDecoder())
                : new EmbeddedChannel(frames);
    }

    @Override
    public long decode(ByteBuf wire) {
        channel.writeInbound(wire);
        long seqSum = 0;
        for (Object frame; (frame = channel.readInbound()) != null; ) {
            try {
                if (!(frame instanceof BinaryWebSocketFrame binary)) {
                    throw new IllegalStateException("expected a binary frame, got " + frame);
                }
                seqSum += WsMessageDecoder.readSeqPrefix(binary.content());
                tally.clear();
            } finally {
                ReferenceCountUtil.release(frame);
            }
        }
        return seqSum;
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
    }
}
