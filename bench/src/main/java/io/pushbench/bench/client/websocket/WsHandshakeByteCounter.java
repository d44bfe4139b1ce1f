package io.pushbench.bench.client.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.pushbench.bench.client.bytes.ByteLedger;
import io.pushbench.model.ByteCategory;
import io.pushbench.model.Direction;

/**
 * Attributes the bytes of the upgrade response head ({@code 101} status line, headers, blank line) to
 * {@link ByteCategory#HANDSHAKE}, exactly, even when frames follow in the same read; then removes itself. Sits right
 * after the byte counter and passes every byte on unchanged.
 */
final class WsHandshakeByteCounter extends ChannelInboundHandlerAdapter {
    static final String NAME = "ws-handshake-bytes";

    private final ByteLedger ledger;
    private int headBytes;
    private int lineLength;

    WsHandshakeByteCounter(ByteLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            for (int i = buf.readerIndex(); i < buf.writerIndex(); i++) {
                byte b = buf.getByte(i);
                headBytes++;
                if (b == '\n') {
                    if (lineLength == 0 && headBytes > 2) {
                        ledger.attribute(Direction.DOWN, ByteCategory.HANDSHAKE, headBytes);
                        ctx.pipeline().remove(this);
                        break;
                    }
                    lineLength = 0;
                } else if (b != '\r') {
                    lineLength++;
                }
            }
        }
        ctx.fireChannelRead(msg);
    }
}
