package io.pushbench.bench.workload;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayloadHeaderTest {

    @Test
    void payloadIsPrintableAsciiOfExactSizeCarryingTopicSeqAndTimes() {
        byte[] payload = new PayloadHeader(64, 1).encode("c123", 42, 5_000_000_000L, 5_000_012_345L);

        assertThat(payload).hasSize(64);
        String text = new String(payload, StandardCharsets.US_ASCII);
        assertThat(text).startsWith("pb1 c123 42 5000000000 5000012345 ");
        assertThat(text.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        ByteBuf buf = Unpooled.wrappedBuffer(payload);
        assertThat(PayloadHeader.topic(buf)).isEqualTo("c123");
        assertThat(PayloadHeader.seq(buf)).isEqualTo(42);
        assertThat(PayloadHeader.scheduledNanos(buf)).isEqualTo(5_000_000_000L);
        assertThat(PayloadHeader.sendNanos(buf)).isEqualTo(5_000_012_345L);
        assertThat(buf.readerIndex()).isZero();
    }

    @Test
    void headerIsReadFromTheReaderIndexOfASlice() {
        byte[] payload = new PayloadHeader(56, 2).encode("t0", 7, 1, 2);
        ByteBuf framed = Unpooled.buffer().writeBytes("7\n".getBytes(StandardCharsets.US_ASCII)).writeBytes(payload);
        framed.skipBytes(2);

        assertThat(PayloadHeader.seq(framed)).isEqualTo(7);
    }

    @Test
    void foreignPayloadsHaveNoHeader() {
        ByteBuf foreign = Unpooled.copiedBuffer("hello world, no header", StandardCharsets.US_ASCII);
        assertThat(PayloadHeader.seq(foreign)).isEqualTo(-1);
        assertThat(PayloadHeader.scheduledNanos(Unpooled.copiedBuffer("pb1 t0 x", StandardCharsets.US_ASCII))).isEqualTo(-1);
        assertThat(PayloadHeader.topic(Unpooled.copiedBuffer("pb1 t0", StandardCharsets.US_ASCII))).isNull();
    }

    @Test
    void tooSmallPayloadsAreRefused() {
        assertThatThrownBy(() -> new PayloadHeader(20, 1)).hasMessageContaining("at least 56 bytes");
    }
}
