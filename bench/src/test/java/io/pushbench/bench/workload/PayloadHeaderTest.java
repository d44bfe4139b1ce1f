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
    void onePassReaderGivesEveryFieldFromADirectBufferAndIsReusable() {
        PayloadHeader header = new PayloadHeader(1024, 3);
        ByteBuf first = Unpooled.directBuffer(1024).writeBytes(header.encode("c9", 123_456_789_012L, 17, 18));
        ByteBuf second = Unpooled.directBuffer(64).writeBytes(new PayloadHeader(64, 3).encode("t0", 1, 2, 3));
        PayloadHeaderReader reader = new PayloadHeaderReader();

        assertThat(reader.read(first)).isTrue();
        assertThat(reader.topic()).isEqualTo("c9");
        assertThat(new long[] {reader.seq(), reader.scheduledNanos(), reader.sendNanos()}).containsExactly(123_456_789_012L, 17, 18);
        assertThat(reader.read(second)).isTrue();
        assertThat(new long[] {reader.seq(), reader.scheduledNanos(), reader.sendNanos()}).containsExactly(1, 2, 3);
        assertThat(first.readerIndex()).isZero();
        first.release();
        second.release();
    }

    @Test
    void onePassReaderMarksEachBadFieldAloneAndRefusesAForeignMagic() {
        PayloadHeaderReader reader = new PayloadHeaderReader();
        reader.read(Unpooled.copiedBuffer("pb1 t0 x 5 6 pad", StandardCharsets.US_ASCII));
        assertThat(new long[] {reader.seq(), reader.scheduledNanos(), reader.sendNanos()}).containsExactly(-1, 5, 6);
        reader.read(Unpooled.copiedBuffer("pb1 t0 1 5 6", StandardCharsets.US_ASCII));
        assertThat(new long[] {reader.seq(), reader.scheduledNanos(), reader.sendNanos()}).containsExactly(1, 5, -1);
        assertThat(reader.read(Unpooled.copiedBuffer("pb2 t0 1 2 3 pad", StandardCharsets.US_ASCII))).isFalse();
        assertThat(reader.seq()).isEqualTo(-1);
        reader.read(Unpooled.copiedBuffer("pb1 t0 1 1234567890123456789 6 pad", StandardCharsets.US_ASCII));
        assertThat(new long[] {reader.seq(), reader.scheduledNanos(), reader.sendNanos()}).containsExactly(1, -1, 6);
        reader.read(Unpooled.copiedBuffer("pb1 t0 1  3 pad", StandardCharsets.US_ASCII));
        assertThat(new long[] {reader.seq(), reader.scheduledNanos(), reader.sendNanos()}).containsExactly(1, -1, 3);
    }

    @Test
    void tooSmallPayloadsAreRefused() {
        assertThatThrownBy(() -> new PayloadHeader(20, 1)).hasMessageContaining("at least 56 bytes");
    }
}
