package io.pushbench.bench.run.servers;

import io.netty.util.internal.PlatformDependent;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;

/**
 * Heap and direct memory in use in a JVM after garbage collection.
 *
 * @param heapUsedBytes   heap in use after GC, bytes
 * @param directUsedBytes direct memory in use: NIO direct buffers plus Netty's own (cleaner-less) direct memory, bytes
 */
public record MemoryReading(long heapUsedBytes, long directUsedBytes) {

    /** Collects garbage (several times, to let reference processing settle) and reads this JVM's memory. */
    public static MemoryReading ofThisJvmAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long direct = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if ("direct".equals(pool.getName())) {
                direct += Math.max(0, pool.getMemoryUsed());
            }
        }
        direct += Math.max(0, PlatformDependent.usedDirectMemory());
        return new MemoryReading(heap, direct);
    }
}
