package io.pushbench.bench.client.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SpillBufferTest {
    private final SpillBuffer kind = new SpillBuffer();

    @Test
    void bytesStillHeldAtTheEndOfAReadAreCopiedIntoABufferOfTheParsersOwn() {
        ByteBuf held = kind.writable(Unpooled.EMPTY_BUFFER);
        held.writeCharSequence("half a line", StandardCharsets.US_ASCII);
        held.skipBytes(5);

        ByteBuf own = kind.spilled(held);

        assertThat(own).isNotSameAs(held).isNotSameAs(Unpooled.EMPTY_BUFFER);
        assertThat(own.toString(StandardCharsets.US_ASCII)).isEqualTo("a line");
        assertThat(own.toString(0, 4, StandardCharsets.US_ASCII)).as("indices kept").isEqualTo("half");
        assertThat(kind.writable(Unpooled.EMPTY_BUFFER)).as("the thread's buffer, empty again").isSameAs(held);
        assertThat(held.isReadable()).isFalse();
        assertThat(kind.writable(own)).as("a buffer of its own is written to until released").isSameAs(own);
        assertThat(kind.released(own)).isSameAs(Unpooled.EMPTY_BUFFER);
        assertThat(own.refCnt()).isZero();
    }

    @Test
    void aReadThatEndsHoldingNothingKeepsNothing() {
        ByteBuf held = kind.writable(Unpooled.EMPTY_BUFFER);
        held.writeCharSequence("a whole line\n", StandardCharsets.US_ASCII);

        assertThat(kind.released(held)).isSameAs(Unpooled.EMPTY_BUFFER);
        assertThat(kind.spilled(Unpooled.EMPTY_BUFFER)).isSameAs(Unpooled.EMPTY_BUFFER);
        assertThat(kind.spilled(kind.writable(Unpooled.EMPTY_BUFFER))).isSameAs(Unpooled.EMPTY_BUFFER);
    }

    @Test
    void theThreadDoesNotKeepABufferGrownForOneLargeEvent() {
        ByteBuf held = kind.writable(Unpooled.EMPTY_BUFFER);
        held.writeBytes(new byte[100 * 1024]);
        kind.released(held);

        ByteBuf next = kind.writable(Unpooled.EMPTY_BUFFER);
        assertThat(next).isNotSameAs(held);
        assertThat(next.capacity()).isLessThan(64 * 1024);
        assertThat(held.refCnt()).isZero();
    }

    @Test
    void eachThreadWritesToABufferOfItsOwn() throws Exception {
        ByteBuf mine = kind.writable(Unpooled.EMPTY_BUFFER);
        ByteBuf[] theirs = new ByteBuf[1];
        Thread other = new Thread(() -> theirs[0] = kind.writable(Unpooled.EMPTY_BUFFER));
        other.start();
        other.join();

        assertThat(theirs[0]).isNotNull().isNotSameAs(mine);
    }
}
