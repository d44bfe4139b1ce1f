package io.pushbench.bench.client.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The only frames a client writes after the handshake, close and pong, encoded here as RFC 6455 (section 5.2, 5.3)
 * wants them from a client: final, masked with a fresh random key, at most 125 bytes of payload. Written as bytes,
 * so a connection needs no frame encoder in its pipeline (a handler and its context, ~90 B a connection, for two
 * frames in its life).
 */
final class WsControlFrames {
    private static final int OPCODE_CLOSE = 0x8;
    private static final int OPCODE_PONG = 0xA;
    private static final int MAX_CONTROL_PAYLOAD = 125;

    private WsControlFrames() {
    }

    /** A close frame with a status code and a reason (cut to fit), or with no body when {@code status < 0}. */
    static ByteBuf close(ByteBufAllocator alloc, int status, String reason) {
        ByteBuf body = alloc.buffer(MAX_CONTROL_PAYLOAD);
        try {
            if (status >= 0) {
                body.writeShort(status);
                if (reason != null) {
                    byte[] utf8 = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    body.writeBytes(utf8, 0, Math.min(utf8.length, MAX_CONTROL_PAYLOAD - 2));
                }
            }
            return frame(alloc, OPCODE_CLOSE, body);
        } finally {
            body.release();
        }
    }

    /** A pong echoing a ping's application data (which the caller keeps and releases). */
    static ByteBuf pong(ByteBufAllocator alloc, ByteBuf pingData) {
        return frame(alloc, OPCODE_PONG, pingData.slice(pingData.readerIndex(),
                Math.min(pingData.readableBytes(), MAX_CONTROL_PAYLOAD)));
    }

    private static ByteBuf frame(ByteBufAllocator alloc, int opcode, ByteBuf payload) {
        int length = payload.readableBytes();
        ByteBuf out = alloc.buffer(2 + 4 + length);
        out.writeByte(0x80 | opcode);
        out.writeByte(0x80 | length);
        int mask = ThreadLocalRandom.current().nextInt();
        out.writeInt(mask);
        byte[] key = {(byte) (mask >>> 24), (byte) (mask >>> 16), (byte) (mask >>> 8), (byte) mask};
        for (int i = 0; i < length; i++) {
            out.writeByte(payload.getByte(payload.readerIndex() + i) ^ key[i & 3]);
        }
        return out;
    }
}
