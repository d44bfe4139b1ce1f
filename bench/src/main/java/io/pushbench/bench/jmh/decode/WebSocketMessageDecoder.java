package io.pushbench.bench.jmh.decode;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateClientExtensionHandshaker;
import io.netty.util.ReferenceCountUtil;
import io.pushbench.bench.client.websocket.WsMessageDecoder;

import java.util.Map;

/**
 * WebSocket frames from the server, as the client reads them: Netty's real WebSocket08FrameDecoder
 * (unmasked frames expected) and, with deflate, its PerMessageDeflateDecoder, on an inbound
 * {@link EmbeddedChannel}; then the client's {@link WsMessageDecoder} reads the seq of
 * {@code <seq> LF <payload>}.
 */
final class WebSocketMessageDecoder implements ClientDecoder {
    private final EmbeddedChannel channel;

    WebSocketMessageDecoder(boolean deflate) {
        WebSocket08FrameDecoder frames = new WebSocket08FrameDecoder(WebSocketDecoderConfig.newBuilder()
                .expectMaskedFrames(false)
                .allowExtensions(deflate)
                .build());
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
