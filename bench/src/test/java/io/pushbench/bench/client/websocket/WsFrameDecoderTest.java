package io.pushbench.bench.client.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.pushbench.bench.client.bytes.ByteLedger;
import io.pushbench.model.ByteCategory;
import io.pushbench.model.Direction;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WsFrameDecoderTest {

    /** What came out of the decoder: frame kind, content, and the tally taken with each message. */
    private static final class Taker extends ChannelInboundHandlerAdapter {
        final List<String> seen = new ArrayList<>();
        final WsWireTally tally;

        Taker(WsWireTally tally) {
            this.tally = tally;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            WebSocketFrame f = (WebSocketFrame) msg;
            String kind = f.getClass().getSimpleName().replace("WebSocketFrame", "");
            String tallied = f instanceof BinaryWebSocketFrame || f instanceof TextWebSocketFrame
                    ? " " + tally.headerBytes + "+" + tally.dataBytes + (tally.compressed ? "z" : "") : "";
            if (!tallied.isEmpty()) {
                tally.clear();
            }
            seen.add(kind + (f.isFinalFragment() ? "" : "(not final)") + " " + f.content().readableBytes() + " "
                    + f.content().toString(StandardCharsets.ISO_8859_1).substring(0, Math.min(5, f.content().readableBytes())) + tallied);
            ReferenceCountUtil.release(msg);
        }
    }

    /** The wire bytes of server frames (unmasked), as Netty's own encoder writes them. */
    private static byte[] wire(WebSocketFrame... frames) {
        EmbeddedChannel encoder = new EmbeddedChannel(new WebSocket08FrameEncoder(false));
        ByteBuf all = Unpooled.buffer();
        for (WebSocketFrame f : frames) {
            encoder.writeOutbound(f);
            for (ByteBuf b; (b = encoder.readOutbound()) != null; ) {
                all.writeBytes(b);
                b.release();
            }
        }
        byte[] bytes = new byte[all.readableBytes()];
        all.readBytes(bytes);
        return bytes;
    }

    private static ByteBuf text(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.ISO_8859_1);
    }

    private static byte[] wireOfEveryKind() {
        char[] big = new char[70_000];
        Arrays.fill(big, 'b');
        return wire(new BinaryWebSocketFrame(text("7\nhello")),
                new TextWebSocketFrame("{\"lost\":1}"),
                new BinaryWebSocketFrame(false, 0, text("8\nfir")),
                new PingWebSocketFrame(text("p")),
                new ContinuationWebSocketFrame(false, 0, text("st-")),
                new ContinuationWebSocketFrame(true, 0, text("last")),
                new BinaryWebSocketFrame(text("9\n" + "m".repeat(198))),
                new BinaryWebSocketFrame(text("10\n" + new String(big))),
                new CloseWebSocketFrame(1000, "bye"),
                new BinaryWebSocketFrame(text("after the close")));
    }

    @Test
    void decodesWholeMessagesInPlaceAndTalliesTheRealFrameBytesWhateverTheReads() {
        byte[] bytes = wireOfEveryKind();
        for (int chunk : new int[] {bytes.length, 1, 7, 1000}) {
            ByteLedger ledger = new ByteLedger();
            WsWireTally tally = new WsWireTally();
            Taker taker = new Taker(tally);
            EmbeddedChannel ch = new EmbeddedChannel(new WsFrameDecoder(ledger, tally, false, 1 << 20), taker);
            for (int at = 0; at < bytes.length; at += chunk) {
                ch.writeInbound(Unpooled.wrappedBuffer(bytes, at, Math.min(chunk, bytes.length - at)));
            }

            assertThat(taker.seen).as("read in pieces of %d", chunk).containsExactly(
                    "Binary 7 7\nhel 2+7",
                    "Text 10 {\"los 2+10",
                    "Ping 1 p",
                    "Binary 12 8\nfir 6+12",           // three frames, one message
                    "Binary 200 9\nmmm 4+200",         // 16-bit length
                    "Binary 70003 10\nbb 10+70003",    // 64-bit length
                    "Close 5 \u0003\u00e8bye");
            assertThat(ledger.bytes(Direction.DOWN, ByteCategory.HEARTBEAT)).isEqualTo(2 + 1);
            assertThat(ledger.bytes(Direction.DOWN, ByteCategory.HANDSHAKE)).isEqualTo(2 + 5);
            assertThat(ch.finishAndReleaseAll()).isFalse();
        }
    }

    @Test
    void marksAMessageCompressedByItsFirstFrameWhenExtensionsAreAllowed() {
        WsWireTally tally = new WsWireTally();
        Taker taker = new Taker(tally);
        EmbeddedChannel ch = new EmbeddedChannel(new WsFrameDecoder(new ByteLedger(), tally, true, 1 << 20), taker);
        ch.writeInbound(Unpooled.wrappedBuffer(wire(new BinaryWebSocketFrame(false, 4, text("ab")),
                new ContinuationWebSocketFrame(true, 0, text("c")), new BinaryWebSocketFrame(text("d")))));

        assertThat(taker.seen).containsExactly("Binary 3 abc 4+3z", "Binary 1 d 2+1");
    }

    @Test
    void refusesWhatNettysDecoderRefusesAndAnswersWithACloseFrame() {
        byte[] masked = {(byte) 0x82, (byte) 0x81, 1, 2, 3, 4, 'x'};
        byte[] rsvWithoutExtension = wire(new BinaryWebSocketFrame(true, 4, text("x")));
        byte[] strayContinuation = wire(new ContinuationWebSocketFrame(true, 0, text("x")));
        byte[] longPing = {(byte) 0x89, 126, 0, (byte) 200};
        byte[] nonMinimalLength = {(byte) 0x82, 126, 0, 5, 'a', 'b', 'c', 'd', 'e'};
        byte[] tooBig = wire(new BinaryWebSocketFrame(text("x".repeat(101))));
        for (byte[] bad : new byte[][] {masked, rsvWithoutExtension, strayContinuation, longPing, nonMinimalLength, tooBig}) {
            EmbeddedChannel ch = new EmbeddedChannel(new WsFrameDecoder(new ByteLedger(), new WsWireTally(), false, 100));

            assertThatThrownBy(() -> ch.writeInbound(Unpooled.wrappedBuffer(bad))).isInstanceOf(CorruptedWebSocketFrameException.class);
            Object answer = ch.readOutbound();
            // the client's close frame, masked as a client's must be, as a server's decoder reads it
            EmbeddedChannel server = new EmbeddedChannel(new WebSocket13FrameDecoder(true, false, 125));
            server.writeInbound(answer);
            Object close = server.readInbound();
            assertThat(close).isInstanceOf(CloseWebSocketFrame.class);
            assertThat(((CloseWebSocketFrame) close).statusCode()).isIn(1002, 1009);
            ReferenceCountUtil.release(close);
            assertThat(ch.isOpen()).isFalse();
        }
    }
}
