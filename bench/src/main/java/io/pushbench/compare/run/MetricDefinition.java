package io.pushbench.compare.run;

import io.pushbench.report.compare.BetterWhen;
import io.pushbench.report.compare.MetricKind;

/**
 * What a metric is: its id, unit, which way is better, and whether it is an exact count or a timing.
 *
 * @param id stable id used in JSON, gate patterns and tracker names, e.g. {@code latency.p99}
 * @param unit the unit of its values, e.g. {@code us}, {@code B/msg}, {@code ns/op}
 * @param betterWhen which way is better
 * @param kind exact count (one run may be called changed) or timing (needs repeats)
 */
public record MetricDefinition(String id, String unit, BetterWhen betterWhen, MetricKind kind) {

    /** A timing where smaller is better. */
    public static MetricDefinition smallerTiming(String id, String unit) {
        return new MetricDefinition(id, unit, BetterWhen.SMALLER, MetricKind.TIMING);
    }

    /** A timing where bigger is better (throughput). */
    public static MetricDefinition biggerTiming(String id, String unit) {
        return new MetricDefinition(id, unit, BetterWhen.BIGGER, MetricKind.TIMING);
    }

    /** An exact count where smaller is better (bytes, requests). */
    public static MetricDefinition smallerCount(String id, String unit) {
        return new MetricDefinition(id, unit, BetterWhen.SMALLER, MetricKind.EXACT_COUNT);
    }
}
