package io.pushbench.bench.clock;

import io.pushbench.report.ClockInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pools clock exchanges (of every strategy run of a load run) into one offset estimate, as NTP's clock filter does:
 * the exchange with the shortest round trip bounds the offset most tightly, so its offset is the estimate and half its
 * round trip (plus half the server clock's resolution) the uncertainty. Microsecond {@code /clock} answers are
 * preferred over whole-second {@code Date} headers whenever there is one. Thread-safe.
 *
 * <p>Typical use:
 * <pre>{@code
 * ClockOffsetEstimator estimator = new ClockOffsetEstimator();
 * ClockExchanges.over(endpoint, estimator, 20, spanNanos);   // during the warm-up
 * ClockInfo clock = estimator.estimate();                     // for the report's environment
 * }</pre>
 */
public final class ClockOffsetEstimator {

    /** The offset method names of the report ({@code environment.clock.offsetMethod}). */
    public static final String HTTP_EXCHANGE = "http-exchange";
    public static final String DATE_HEADER = "date-header";
    public static final String UNAVAILABLE = "unavailable";

    private final List<ClockSample> samples = new ArrayList<>();
    private final List<String> fallbackReasons = new ArrayList<>();
    private int failures;
    private String lastFailure;
    private String lastUrl;
    private TargetClock targetClock;

    /** Adds one exchange with {@code endpoint}, successful or not. */
    public synchronized void add(ClockEndpoint endpoint, ClockEndpoint.Exchange exchange) {
        lastUrl = endpoint.url();
        targetClock = endpoint.targetClock();
        if (exchange.sample() == null || exchange.sample().roundTripMicros() < 0) {
            failures++;
            lastFailure = exchange.sample() == null ? exchange.failure()
                    : "the load generator's wall clock was stepped back during an exchange";
            return;
        }
        samples.add(exchange.sample());
        if (exchange.fallbackReason() != null) {
            fallbackReasons.add(exchange.fallbackReason());
        }
    }

    /** Exchanges that returned a server time so far. */
    public synchronized int exchanges() {
        return samples.size();
    }

    /**
     * The estimate over every exchange so far, for the report.
     *
     * @param noExchangeReason the reason given when no exchange was made at all
     */
    public synchronized ClockInfo estimate(String noExchangeReason) {
        String target = targetClock == null ? null : targetClock.label();
        if (samples.isEmpty()) {
            String reason = lastFailure != null ? lastFailure : noExchangeReason;
            return new ClockInfo(ClockInfo.SHARED_MONOTONIC, null, null, 0, target, UNAVAILABLE, reason, lastUrl,
                    null, failures, null);
        }
        long bestResolution = samples.stream().mapToLong(ClockSample::resolutionMicros).min().orElseThrow();
        ClockSample best = samples.stream().filter(s -> s.resolutionMicros() == bestResolution)
                .min(Comparator.comparingLong(ClockSample::roundTripMicros)).orElseThrow();
        boolean fromClock = bestResolution == ClockSample.CLOCK_ENDPOINT_RESOLUTION_MICROS;
        String why = fromClock || fallbackReasons.isEmpty() ? null : fallbackReasons.get(fallbackReasons.size() - 1);
        return new ClockInfo(ClockInfo.SHARED_MONOTONIC, best.offsetMicros(), best.uncertaintyMicros(), samples.size(),
                target, fromClock ? HTTP_EXCHANGE : DATE_HEADER, why, best.url(), bestResolution, failures,
                roundTrips());
    }

    private ClockInfo.RoundTrips roundTrips() {
        long[] sorted = samples.stream().mapToLong(ClockSample::roundTripMicros).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return new ClockInfo.RoundTrips(sorted[0], median, sorted[n - 1]);
    }
}
