package io.pushbench.bench.run;

import io.pushbench.report.TimelineSecond;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a run kept up with its schedule (docs/metrics.md, "Kept up"): the deliveries received in the
 * window are at least 99 % of those scheduled in it (less a tolerance for the window's edges), and the per-second
 * p99 latency does not trend up across the window (a one-sided Mann–Kendall test at 1 %, and a Theil–Sen slope of
 * at least 10 ms per second and 100 ms over the window). A run that fails either is saturated.
 */
final class KeptUpCheck {

    /** Deliveries received in the window must be at least this share of those scheduled in it. */
    static final double MIN_RECEIVED_SHARE = 0.99;
    /** One-sided 1 % quantile of the standard normal: the Mann–Kendall Z above which latency trends up. */
    static final double TREND_Z = 2.326;
    /** Latency rising this many seconds per second means deliveries fall 1 % behind the schedule. */
    static final double MIN_SLOPE_SEC_PER_SEC = 0.01;
    /** The least rise over the window that counts as a trend, µs: below it, a rise is jitter. */
    static final long MIN_RISE_MICROS = 100_000;
    /** Fewer seconds give no Mann–Kendall result significant at 1 %. */
    static final int MIN_TREND_SECONDS = 6;

    private KeptUpCheck() {
    }

    /**
     * Why the run did not keep up; empty when it did.
     *
     * @param receivedInWindow  deliveries (of any message) received while the window was open
     * @param scheduledInWindow deliveries of the messages scheduled in the window
     * @param edgeToleranceDeliveries deliveries by which the two can differ at the window's edges in a run that keeps
     *                          up (messages in flight at one edge and not at the other)
     * @param timeline          the window's seconds
     */
    static List<String> reasons(long receivedInWindow, long scheduledInWindow, double edgeToleranceDeliveries,
                                List<TimelineSecond> timeline) {
        List<String> reasons = new ArrayList<>();
        if (scheduledInWindow > 0 && receivedInWindow < MIN_RECEIVED_SHARE * scheduledInWindow - edgeToleranceDeliveries) {
            reasons.add(String.format(Locale.ROOT, "did not keep up: %,d deliveries received in the window, %.1f %% of "
                            + "the %,d scheduled in it (at least 99 %% needed)", receivedInWindow,
                    100.0 * receivedInWindow / scheduledInWindow, scheduledInWindow));
        }
        Trend trend = trend(timeline);
        if (trend != null && trend.z() > TREND_Z && trend.slopeSecPerSec() >= MIN_SLOPE_SEC_PER_SEC
                && trend.riseMicros() >= MIN_RISE_MICROS) {
            reasons.add(String.format(Locale.ROOT, "did not keep up: latency trending up across the window "
                            + "(p99 rising %.0f ms per second, %.1f s over the window; Mann-Kendall Z %.1f)",
                    trend.slopeSecPerSec() * 1000, trend.riseMicros() / 1e6, trend.z()));
        }
        return reasons;
    }

    /**
     * The trend of the per-second p99 latency, over the seconds that had deliveries.
     *
     * @param z              the Mann–Kendall statistic, normalised (tie-corrected variance)
     * @param slopeSecPerSec the Theil–Sen slope: the median of the pairwise slopes, seconds of latency per second
     * @param riseMicros     the slope times the span of the seconds, µs
     * @return null when fewer than {@link #MIN_TREND_SECONDS} seconds had deliveries
     */
    record Trend(double z, double slopeSecPerSec, long riseMicros) {
    }

    static Trend trend(List<TimelineSecond> timeline) {
        List<TimelineSecond> seconds = timeline.stream().filter(s -> s.deliveries() > 0).toList();
        int n = seconds.size();
        if (n < MIN_TREND_SECONDS) {
            return null;
        }
        long s = 0;
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                long dy = seconds.get(j).p99Micros() - seconds.get(i).p99Micros();
                s += Long.signum(dy);
                double dtSec = (seconds.get(j).elapsedMillis() - seconds.get(i).elapsedMillis()) / 1000.0;
                slopes[k++] = dy / 1e6 / dtSec;
            }
        }
        double variance = (n * (n - 1.0) * (2 * n + 5) - tieTerm(seconds)) / 18.0;
        double z = s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0;
        Arrays.sort(slopes);
        double slope = slopes.length % 2 == 1 ? slopes[slopes.length / 2]
                : (slopes[slopes.length / 2 - 1] + slopes[slopes.length / 2]) / 2;
        double spanSec = (seconds.get(n - 1).elapsedMillis() - seconds.get(0).elapsedMillis()) / 1000.0;
        return new Trend(z, slope, Math.round(slope * spanSec * 1e6));
    }

    /** Σ t(t−1)(2t+5) over groups of t equal values: the variance's tie correction. */
    private static double tieTerm(List<TimelineSecond> seconds) {
        long[] values = seconds.stream().mapToLong(TimelineSecond::p99Micros).sorted().toArray();
        double term = 0;
        int i = 0;
        while (i < values.length) {
            int j = i;
            while (j < values.length && values[j] == values[i]) {
                j++;
            }
            long t = j - i;
            term += t * (t - 1.0) * (2 * t + 5);
            i = j;
        }
        return term;
    }
}
