package io.pushbench.bench.clock;

/**
 * One request/response exchange with a server's clock, NTP-style: the load generator's wall clock when the request
 * left ({@code t0}) and when the answer had arrived ({@code t2}), and the server's time in the answer ({@code t1}).
 *
 * <p>The server read its clock somewhere between t0 and t2 (on our clock), so its offset lies in
 * {@code [t1 - t2, t1 + resolution - t0]}: the estimate is the middle of that interval, the uncertainty its half width
 * ({@code roundTrip / 2 + resolution / 2}). Asymmetric paths move the true offset inside the interval, never out.
 *
 * @param sendMicros       t0: our wall clock just before the request was written, µs since the epoch
 * @param serverMicros     t1: the server's time, µs since the epoch, truncated to {@code resolutionMicros}
 * @param receiveMicros    t2: our wall clock once the whole answer was read, µs since the epoch
 * @param resolutionMicros the server time's resolution: 1 for {@code /clock}, 1,000,000 for an HTTP {@code Date}
 * @param url              the URL asked
 */
public record ClockSample(long sendMicros, long serverMicros, long receiveMicros, long resolutionMicros, String url) {

    /** Resolution of the pushbench server's {@code GET /clock} answer, µs. */
    public static final long CLOCK_ENDPOINT_RESOLUTION_MICROS = 1;
    /** Resolution of an HTTP {@code Date} header (whole seconds), µs. */
    public static final long DATE_HEADER_RESOLUTION_MICROS = 1_000_000;

    /** t2 − t0, µs: what bounds the estimate. */
    public long roundTripMicros() {
        return receiveMicros - sendMicros;
    }

    /** The server's clock minus ours, µs: the middle of the interval the server's reading lies in. */
    public double offsetMicros() {
        return serverMicros + resolutionMicros / 2.0 - (sendMicros + receiveMicros) / 2.0;
    }

    /** The ± bound of {@link #offsetMicros()}, µs. */
    public double uncertaintyMicros() {
        return (roundTripMicros() + resolutionMicros) / 2.0;
    }
}
