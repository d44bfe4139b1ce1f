package io.pushbench.server.wire;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCountUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.pushbench.server.log.Message;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The encoders write exactly the bytes of docs/wire-format.md, and their size functions are exact. */
class EncodersTest {

    @Test
    void batchBodyIsSeqLengthPayloadRecords() {
        List<Message> messages = List.of(msg(7, "hello"), msg(8, "hi"));
        assertThat(encode(out -> BatchBodyEncoder.encode(messages, out))).isEqualTo("7 5\nhello\n8 2\nhi\n");
        assertThat(BatchBodyEncoder.encodedBytes(messages)).isEqualTo("7 5\nhello\n8 2\nhi\n".length());
    }

    @Test
    void sseEventHasIdAndOneDataLinePerPayloadLine() {
        assertThat(encode(out -> SseEventEncoder.encodeEvent(msg(12, "a\nb"), out))).isEqualTo("id: 12\ndata: a\ndata: b\n\n");
        assertThat(encode(out -> SseEventEncoder.encodeEvent(msg(1, ""), out))).isEqualTo("id: 1\ndata: \n\n");
        assertThat(encode(out -> SseEventEncoder.encodeRetry(3000, out))).isEqualTo("retry: 3000\n\n");
        assertThat(encode(out -> SseEventEncoder.encodeLost(12, 15, out)))
                .isEqualTo("event: pushbench-lost\nid: 15\ndata: 12\n\n");
        assertThat(encode(SseEventEncoder::encodeHeartbeat)).isEqualTo(": hb\n\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "two\nlines", "\n", "trailing\n", "\n\nthree empty\n"})
    void sizeFunctionsMatchTheEncodedBytes(String payload) {
        Message m = msg(1234567, payload);
        assertThat(SseEventEncoder.eventBytes(m)).isEqualTo(encode(out -> SseEventEncoder.encodeEvent(m, out)).length());
        assertThat(BatchBodyEncoder.recordBytes(m)).isEqualTo(encode(out -> BatchBodyEncoder.encode(m, out)).length());
        assertThat(WebSocketMessageEncoder.dataBytes(m))
                .isEqualTo(encode(out -> WebSocketMessageEncoder.encodeData(m, out)).length());
    }

    @Test
    void webSocketDataIsSeqLineThenPayload() {
        assertThat(encode(out -> WebSocketMessageEncoder.encodeData(msg(9, "p\nq"), out))).isEqualTo("9\np\nq");
        assertThat(WebSocketMessageEncoder.lostNotice(5, 20)).isEqualTo("{\"lost\":5,\"nextAfter\":20}");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 9, 10, 99, 100, 1_000_000_007L, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L,
            Long.MAX_VALUE})
    void decimalDigitsMatchLongToString(long value) {
        assertThat(encode(out -> DecimalAscii.write(out, value))).isEqualTo(Long.toString(value));
        assertThat(DecimalAscii.digits(value)).isEqualTo(Long.toString(value).length());
    }

    /** Data sizes around the three header lengths of RFC 6455 (7-bit, 16-bit, 64-bit payload length). */
    @ParameterizedTest
    @ValueSource(ints = {0, 123, 124, 125, 65_533, 65_534, 70_000})
    void framesWrittenInPlaceAreTheBytesNettysFrameEncoderWrites(int payloadBytes) {
        Message m = new Message(7, "x".repeat(payloadBytes).getBytes(UTF_8), 0);   // data = "7\n" + payload
        ByteBuf data = Unpooled.buffer();
        WebSocketMessageEncoder.encodeData(m, data);
        EmbeddedChannel netty = new EmbeddedChannel(new WebSocket08FrameEncoder(false));
        netty.writeOutbound(new BinaryWebSocketFrame(data));
        ByteBuf expected = Unpooled.buffer();
        for (ByteBuf part; (part = netty.readOutbound()) != null; part.release()) {
            expected.writeBytes(part);
        }
        ByteBuf inPlace = Unpooled.buffer();
        WebSocketMessageEncoder.encodeFrame(m, inPlace);
        try {
            assertThat(ByteBufUtil.hexDump(inPlace)).isEqualTo(ByteBufUtil.hexDump(expected));
            assertThat(WebSocketMessageEncoder.frameBytes(m)).isEqualTo(expected.readableBytes());
        } finally {
            expected.release();
            inPlace.release();
            netty.finishAndReleaseAll();
        }
    }

    /** Data sizes around each added hex digit of the chunk size line. */
    @ParameterizedTest
    @ValueSource(ints = {1, 15, 16, 255, 256, 4_095, 4_096, 70_000, 1_048_576})
    void chunksFramedInPlaceAreTheBytesNettysHttpEncoderWrites(int dataBytes) {
        EmbeddedChannel netty = new EmbeddedChannel(new HttpResponseEncoder());
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        netty.writeOutbound(head);
        for (Object part; (part = netty.readOutbound()) != null; ) {
            ReferenceCountUtil.release(part);   // the head: not what is compared
        }
        byte[] data = "d".repeat(dataBytes).getBytes(UTF_8);
        netty.writeOutbound(new DefaultHttpContent(Unpooled.wrappedBuffer(data)));
        ByteBuf expected = Unpooled.buffer();
        for (ByteBuf part; (part = netty.readOutbound()) != null; part.release()) {
            expected.writeBytes(part);
        }
        ByteBuf inPlace = Unpooled.buffer();
        HttpChunkFraming.writeHead(inPlace, dataBytes);
        inPlace.writeBytes(data);
        HttpChunkFraming.writeTail(inPlace);
        try {
            assertThat(ByteBufUtil.hexDump(inPlace)).isEqualTo(ByteBufUtil.hexDump(expected));
            assertThat(HttpChunkFraming.framedBytes(dataBytes)).isEqualTo(expected.readableBytes());
        } finally {
            expected.release();
            inPlace.release();
            netty.finishAndReleaseAll();
        }
    }

    private static Message msg(long seq, String payload) {
        return new Message(seq, payload.getBytes(UTF_8), 0);
    }

    private static String encode(java.util.function.Consumer<ByteBuf> encoder) {
        ByteBuf out = Unpooled.buffer();
        try {
            encoder.accept(out);
            return out.toString(UTF_8);
        } finally {
            out.release();
        }
    }
}
