package io.pushbench.bench.client.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
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
        if (status < 0) {
            return frame(alloc, OPCODE_CLOSE, Unpooled.EMPTY_BUFFER);
        }
        byte[] utf8 = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        int reasonBytes = Math.min(utf8.length, MAX_CONTROL_PAYLOAD - 2);
        byte[] body = new byte[2 + reasonBytes];
        body[0] = (byte) (status >>> 8);
        body[1] = (byte) status;
        System.arraycopy(utf8, 0, body, 2, reasonBytes);
        return frame(alloc, OPCODE_CLOSE, Unpooled.wrappedBuffer(body));
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
