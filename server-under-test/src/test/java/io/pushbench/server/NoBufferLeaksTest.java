package io.pushbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/** The leak check the server tests rely on does notice a leak (a check that cannot fail proves nothing). */
class NoBufferLeaksTest {

    @Test
    void aBufferDroppedWithoutReleaseIsRecordedAsALeak() throws InterruptedException {
        leakOneBuffer();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (LeakRecordingDetector.LEAKS.isEmpty() && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
            PooledByteBufAllocator.DEFAULT.buffer(16).release();   // polling happens on tracked allocations
        }
        assertThat(LeakRecordingDetector.LEAKS).isNotEmpty();
        LeakRecordingDetector.LEAKS.clear();    // this leak was on purpose
    }

    private static void leakOneBuffer() {
        ByteBuf leaked = PooledByteBufAllocator.DEFAULT.buffer(64);
        leaked.writeInt(42);
    }
}
