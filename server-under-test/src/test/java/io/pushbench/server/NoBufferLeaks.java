package io.pushbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty's leak detector (PARANOID in this module's tests) reported a buffer that
 * was garbage-collected without being released.
 */
public final class NoBufferLeaks implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        assertThat(ResourceLeakDetector.getLevel()).as("leak detection level in tests")
                .isEqualTo(ResourceLeakDetector.Level.PARANOID);
        // leaks are noticed when collected buffers are polled, which happens on the next tracked allocation
        for (int round = 0; round < 5; round++) {
            System.gc();
            Thread.sleep(50);
            for (int i = 0; i < 100; i++) {
                ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(16);
                probe.release();
            }
        }
        assertThat(LeakRecordingDetector.LEAKS).as("leaked buffers").isEmpty();
    }
}
