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
    void readsTheLostNotice() {
        assertThat(WsMessageDecoder.lostOf("{\"lost\":17,\"nextAfter\":20}")).isEqualTo(17);
        assertThat(WsMessageDecoder.nextAfterOf("{\"lost\": 17, \"nextAfter\": 20}")).isEqualTo(20);
        assertThat(WsMessageDecoder.lostOf("{\"other\":1}")).isZero();
    }

    @Test
    void frameHeaderSizesFollowRfc6455() {
        assertThat(WsWireTally.headerBytes(125, false)).isEqualTo(2);
        assertThat(WsWireTally.headerBytes(126, false)).isEqualTo(4);
        assertThat(WsWireTally.headerBytes(65535, true)).isEqualTo(8);
        assertThat(WsWireTally.headerBytes(65536, false)).isEqualTo(10);
    }
}
