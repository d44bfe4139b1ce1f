package io.pushbench.report.compare;

/**
 * One headline value in the format CI benchmark trackers read: github-action-benchmark's
 * {@code customSmallerIsBetter} and {@code customBiggerIsBetter} tools take a JSON array of these.
 *
 * @param name what was measured, unique within a file, e.g. {@code ws latency.p99}
 * @param unit the value's unit, e.g. {@code us}
 * @param value the value (a median over repeats)
 */
public record TrackerEntry(String name, String unit, double value) {
}
