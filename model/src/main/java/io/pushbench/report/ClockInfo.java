package io.pushbench.report;

/**
 * How the run's clocks relate: the one clock delivery latency is measured with, and the estimated offset of the
 * target server's wall clock from the load generator's.
 *
 * <p>Delivery latency never needs the offset: the publisher stamps scheduled and send times and the clients stamp
 * receive times, all in the load generator's JVM on one monotonic clock. The offset is recorded beside it for
 * figures that compare the server's own timestamps with ours (docs/metrics.md, "Clocks"); no report figure applies it.
 *
 * @param method            the clock of delivery latency: {@code "shared-monotonic"} (the load generator's
 *                          {@code System.nanoTime()}, read by publisher and clients alike). Version 1 also named
 *                          {@code "offset-estimate"}, which no version ever wrote
 * @param offsetMicros      estimated target wall clock minus the load generator's wall clock, microseconds; null when
 *                          not estimated ({@code offsetMethod} null or {@code unavailable})
 * @param uncertaintyMicros the ± bound of {@code offsetMicros}: half the best exchange's round trip, plus half the
 *                          server clock's resolution; microseconds; null when not estimated
 * @param exchanges         request/response exchanges that returned a server time (0 when not estimated)
 * @param targetClock       where the target's clock is: {@code same-process} (embedded server),
 *                          {@code same-host} (forked server, or an external one at a local address) or
 *                          {@code other-host}; null when not estimated (version 1, JMH runs)
 * @param offsetMethod      {@code http-exchange} ({@code GET /clock}, microseconds), {@code date-header} (the HTTP
 *                          {@code Date} header, 1 s resolution) or {@code unavailable}; null when not estimated
 * @param unavailableReason why {@code /clock} was not used (for {@code date-header}) or why there is no estimate
 *                          (for {@code unavailable}); null otherwise
 * @param clockUrl          the URL the exchanges asked; null when not estimated
 * @param serverResolutionMicros resolution of the server times received: 1 for {@code /clock}, 1,000,000 for
 *                          {@code Date}; null when none was received
 * @param exchangesFailed   exchanges that returned no server time (connection refused, timeout, no usable answer);
 *                          null when not estimated
 * @param roundTrip         distribution of the successful exchanges' round trips; null when there was none
 */
public record ClockInfo(String method, Double offsetMicros, Double uncertaintyMicros, int exchanges,
                        String targetClock, String offsetMethod, String unavailableReason, String clockUrl,
                        Long serverResolutionMicros, Integer exchangesFailed, RoundTrips roundTrip) {

    /** The clock of delivery latency: the load generator's monotonic clock, read by publisher and clients. */
    public static final String SHARED_MONOTONIC = "shared-monotonic";

    /** Clocks of a run that estimated no offset (JMH runs): latency on the shared monotonic clock, nothing else. */
    public static ClockInfo sharedMonotonic() {
        return new ClockInfo(SHARED_MONOTONIC, null, null, 0, null, null, null, null, null, null, null);
    }

    /** Whether an offset was estimated ({@code offsetMicros} and {@code uncertaintyMicros} are set). */
    public boolean hasOffset() {
        return offsetMicros != null && uncertaintyMicros != null;
    }

    /**
     * The offset estimate in one line for people, e.g. {@code +0.012 ms ± 0.055 ms (http-exchange, 60 exchanges, best
     * round trip 0.110 ms, same-host)} or {@code unavailable (GET http://h/clock answered 404 and no Date header)}; null
     * when no estimate was attempted (version 1 reports, JMH runs).
     */
    public String offsetText() {
        if (offsetMethod == null) {
            return null;
        }
        if (!hasOffset()) {
            return "unavailable" + (unavailableReason == null ? "" : " (" + unavailableReason + ")");
        }
        String resolution = serverResolutionMicros != null && serverResolutionMicros >= 1_000_000 ? ", 1 s resolution" : "";
        return String.format(java.util.Locale.ROOT, "%+.3f ms ± %.3f ms (%s%s, %d exchanges, best round trip %.3f ms, %s)",
                offsetMicros / 1e3, uncertaintyMicros / 1e3, offsetMethod, resolution, exchanges,
                roundTrip == null ? Double.NaN : roundTrip.minMicros() / 1e3, targetClock);
    }

    /**
     * The round trips of the clock exchanges (client send to client receive, on the load generator's wall clock).
     *
     * @param minMicros    the shortest, microseconds: the exchange whose server time the offset comes from
     * @param medianMicros the median, microseconds
     * @param maxMicros    the longest, microseconds
     */
    public record RoundTrips(double minMicros, double medianMicros, double maxMicros) {
    }
}
