package io.pushbench.bench.client.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The client's own close and pong frames, read back by Netty's server-side decoder, which insists on masking. */
class WsControlFramesTest {

    private static Object readByAServer(ByteBuf frame) {
        EmbeddedChannel server = new EmbeddedChannel(new WebSocket13FrameDecoder(true, false, 125));
        server.writeInbound(frame);
        return server.readInbound();
    }

    @Test
    void aCloseFrameCarriesItsStatusAndReasonMaskedAsRfc6455Wants() {
        ByteBuf frame = WsControlFrames.close(ByteBufAllocator.DEFAULT, 1000, "Bye");
        assertThat(frame.readableBytes()).as("2 header + 4 mask + 2 status + 3 reason").isEqualTo(11);
        assertThat(frame.getByte(1) & 0x80).as("mask bit").isEqualTo(0x80);
        CloseWebSocketFrame close = (CloseWebSocketFrame) readByAServer(frame);
        assertThat(close.statusCode()).isEqualTo(1000);
        assertThat(close.reasonText()).isEqualTo("Bye");
        close.release();
    }

    @Test
    void aCloseReasonIsCutToFitAControlFrame() {
        CloseWebSocketFrame close = (CloseWebSocketFrame) readByAServer(
                WsControlFrames.close(ByteBufAllocator.DEFAULT, 1002, "x".repeat(300)));
        assertThat(close.content().readableBytes()).isEqualTo(125);
        close.release();
    }

    @Test
    void aPongEchoesThePingsDataAndLeavesThePingAlone() {
        ByteBuf ping = Unpooled.copiedBuffer("ping-data", StandardCharsets.US_ASCII);
        PongWebSocketFrame pong = (PongWebSocketFrame) readByAServer(WsControlFrames.pong(ByteBufAllocator.DEFAULT, ping));
        assertThat(pong.content().toString(StandardCharsets.US_ASCII)).isEqualTo("ping-data");
        assertThat(ping.refCnt()).isEqualTo(1);
        assertThat(ping.readableBytes()).isEqualTo(9);
        pong.release();
        ping.release();
    }
}
