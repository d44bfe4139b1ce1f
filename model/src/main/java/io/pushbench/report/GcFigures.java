package io.pushbench.report;

import java.util.List;

/**
 * Garbage-collection pauses during the measured window.
 *
 * @param scope           whose JVM: {@code "loader+server"} (embedded), {@code "loader"} (fork, external)
 * @param collectors      the collectors seen, e.g. {@code [G1 Young Generation, G1 Old Generation]}
 * @param pauses          collections in the window
 * @param totalPauseMicros their summed duration, µs
 * @param maxPauseMicros  the longest, µs
 */
public record GcFigures(String scope, List<String> collectors, long pauses, long totalPauseMicros, long maxPauseMicros) {

    public GcFigures {
        collectors = List.copyOf(collectors);
    }
}
