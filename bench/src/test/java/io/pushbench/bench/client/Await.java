package io.pushbench.bench.client;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a generous deadline (tests assert behaviour, never speed). */
public final class Await {
    private Await() {
    }

    public static void until(BooleanSupplier condition, long seconds, Supplier<String> whatFailed) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + seconds + " s: " + whatFailed.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
