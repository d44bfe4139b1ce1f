package io.pushbench.bench.client.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pushbench.bench.client.http.HttpFramingException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WsMessageDecoderTest {

    @Test
    void readsTheSeqPrefixAndLeavesThePayload() {
        ByteBuf data = Unpooled.copiedBuffer("42\nhello\nworld", StandardCharsets.US_ASCII);
        assertThat(WsMessageDecoder.readSeqPrefix(data)).isEqualTo(42);
        assertThat(data.toString(StandardCharsets.US_ASCII)).isEqualTo("hello\nworld");
    }

    @Test
    void rejectsBinaryDataWithoutPrefix() {
        assertThatThrownBy(() -> WsMessageDecoder.readSeqPrefix(Unpooled.copiedBuffer("hello", StandardCharsets.US_ASCII)))
                .isInstanceOf(HttpFramingException.class);
        assertThatThrownBy(() -> WsMessageDecoder.readSeqPrefix(Unpooled.copiedBuffer("12", StandardCharsets.US_ASCII)))
                .isInstanceOf(HttpFramingException.class).hasMessageContaining("ends inside");
    }

    @Test
    void tellsASeqPrefixFromABarePayload() {
        assertThat(WsMessageDecoder.hasSeqPrefix(ascii("42\npb1 t 42 0 0 xyz"))).isTrue();
        assertThat(WsMessageDecoder.hasSeqPrefix(ascii("pb1 t 42 0 0 xyz"))).isFalse();
        assertThat(WsMessageDecoder.hasSeqPrefix(ascii("\npb1"))).isFalse();
        assertThat(WsMessageDecoder.hasSeqPrefix(ascii("42"))).isFalse();
        assertThat(WsMessageDecoder.hasSeqPrefix(ascii("1234567890123456789\n"))).as("19 digits").isFalse();
        ByteBuf data = ascii("7\nx");
        WsMessageDecoder.hasSeqPrefix(data);
        assertThat(data.readerIndex()).isZero();
    }

    @Test
    void tellsALostNoticeFromATextPayload() {
        assertThat(WsMessageDecoder.isLostNotice(ascii("{\"lost\":3,\"nextAfter\":9}"))).isTrue();
        assertThat(WsMessageDecoder.isLostNotice(ascii("pb1 t 1 0 0 {\"lost\":3}"))).isFalse();
        assertThat(WsMessageDecoder.isLostNotice(ascii("{\"lo"))).isFalse();
    }

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    @Test
    void readsTheLostNotice() {
        assertThat(WsMessageDecoder.lostOf("{\"lost\":17,\"nextAfter\":20}")).isEqualTo(17);
        assertThat(WsMessageDecoder.nextAfterOf("{\"lost\": 17, \"nextAfter\": 20}")).isEqualTo(20);
        assertThat(WsMessageDecoder.lostOf("{\"other\":1}")).isZero();
    }
}
