package io.pushbench.server;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty's buffer leak detector in the processes that measure: off unless asked for. At Netty's default level
 * ({@code SIMPLE}) it records a stack trace for one buffer in 128; in the forked server's 1,000-client WebSocket fan-out
 * that was 2.4 % of the server's CPU samples ({@code perf}, docs/benchmarks.md, sitting E), about 0.1 µs per delivery
 * spent on a debugging aid. The tests run it at {@code PARANOID} (the modules' surefire settings), which is where
 * leaks are found; {@code -Dio.netty.leakDetection.level=simple} (or any level) on the command line keeps it on.
 */
public final class LeakDetection {

    /** The property Netty reads its level from. */
    static final String LEVEL_PROPERTY = "io.netty.leakDetection.level";

    private LeakDetection() {
    }

    /** Switches the detector off, unless {@code -Dio.netty.leakDetection.level} chose a level. Call first in a main. */
    public static void offUnlessAsked() {
        if (System.getProperty(LEVEL_PROPERTY) == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }
}
