package io.pushbench.bench.client.websocket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.pushbench.bench.client.bytes.ByteLedger;
import io.pushbench.model.ByteCategory;
import io.pushbench.model.Direction;

/**
 * Records the wire size of every frame the server sent, right after the frame decoder (before decompression and
 * aggregation): control frames are attributed at once (ping/pong {@link ByteCategory#HEARTBEAT}, close
 * {@link ByteCategory#HANDSHAKE}); data frames are added to the {@link WsWireTally} of the message in progress.
 */
final class WsFrameSizeRecorder extends ChannelInboundHandlerAdapter {
    static final String NAME = "ws-frame-bytes";
    private static final int RSV1 = 0x4;

    private final ByteLedger ledger;
    private final WsWireTally tally;

    WsFrameSizeRecorder(ByteLedger ledger, WsWireTally tally) {
        this.ledger = ledger;
        this.tally = tally;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof WebSocketFrame frame) {
            int data = frame.content().readableBytes();
            int header = WsWireTally.headerBytes(data, false);
            if (frame instanceof PingWebSocketFrame || frame instanceof PongWebSocketFrame) {
                ledger.attribute(Direction.DOWN, ByteCategory.HEARTBEAT, header + data);
            } else if (frame instanceof CloseWebSocketFrame) {
                ledger.attribute(Direction.DOWN, ByteCategory.HANDSHAKE, header + data);
            } else {
                tally.headerBytes += header;
                tally.dataBytes += data;
                tally.compressed |= (frame.rsv() & RSV1) != 0;
            }
        }
        ctx.fireChannelRead(msg);
    }
}
