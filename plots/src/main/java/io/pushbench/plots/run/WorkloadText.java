package io.pushbench.plots.run;

import io.pushbench.report.RunConfiguration;
import io.pushbench.report.WorkloadPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The workload in a few words, for chart subtitles: what was run, so the chart can be read alone. */
public final class WorkloadText {

    private WorkloadText() {
    }

    /**
     * E.g. {@code "1000 clients · 1 topic (broadcast) · 1 msg/s per topic · 64 B payload · poll every 1 s ·
     * long-poll hold 30 s · 20 s measured"}.
     *
     * @param point  the workload in effect
     * @param config the run's configuration (for the measured window and preset)
     */
    public static String of(WorkloadPoint point, RunConfiguration config) {
        return of(point, config, null);
    }

    /**
     * The same without the swept parameter, whose value changes along a sweep chart's x axis.
     *
     * @param swept {@code clients}, {@code rate}, {@code interval}, {@code payload}, {@code hold}, or {@code null}
     */
    public static String of(WorkloadPoint point, RunConfiguration config, String swept) {
        List<String> parts = new ArrayList<>();
        if (config.preset() != null) {
            parts.add("preset " + config.preset());
        }
        if (!"clients".equals(swept)) {
            parts.add(point.clients() + " clients");
        }
        parts.add("1".equals(point.topics()) ? "1 topic (broadcast)" : point.topicCount() + " topics (one per client)");
        if (!"rate".equals(swept)) {
            parts.add(number(point.publishRatePerSec()) + " msg/s per topic");
        }
        if (!"payload".equals(swept)) {
            parts.add(point.payloadBytes() + " B payload");
        }
        if (!"interval".equals(swept)) {
            parts.add("poll every " + duration(point.pollIntervalMillis()));
        }
        if (!"hold".equals(swept)) {
            parts.add("long-poll hold " + duration(point.longPollHoldMillis()));
        }
        parts.add(duration(config.durationMillis()) + " measured");
        return String.join(" · ", parts);
    }

    /** {@code 500 ms}, {@code 1 s}, {@code 1.5 s}, {@code 2 min}. */
    public static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        return number(millis / 1000.0) + " s";
    }

    /** {@code 1}, {@code 0.5}, {@code 1,000}: no trailing zeros, the same in every locale. */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, "%,.3f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
