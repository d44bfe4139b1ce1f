package io.pushbench.bench.cli;

import java.time.Duration;

/** The defaults of {@code pushbench run}: the README's default scenario (about two minutes for all four strategies). */
public final class Defaults {

    /** Simulated clients per strategy. */
    public static final int CLIENTS = 1000;
    /** One broadcast topic. */
    public static final String TOPICS = "1";
    /** Messages per second per topic: one every 2 s, so short polling at 1 s finds half its polls empty. */
    public static final double RATE_PER_SEC = 0.5;
    /** Evenly spaced publish times. */
    public static final String ARRIVALS = "fixed";
    /** Bytes per payload. */
    public static final int PAYLOAD_BYTES = 64;
    /** Short polling interval. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    /** Long polling hold, as common long-polling servers use. */
    public static final Duration LONG_POLL_HOLD = Duration.ofSeconds(30);
    /** Connections opened per second while ramping up. */
    public static final int RAMP_UP_PER_SEC = 2000;
    /** Warm-up before the measured window (JIT, connection pools, steady state). */
    public static final Duration WARMUP = Duration.ofSeconds(5);
    /** The measured window. */
    public static final Duration DURATION = Duration.ofSeconds(20);
    /** The random seed. */
    public static final long SEED = 1;
    /** Validity bound on the publisher lag's 99.9th percentile. */
    public static final Duration MAX_PUBLISHER_LAG = Duration.ofMillis(100);
    /** Validity bound on the loader stall probe's 99.9th percentile. */
    public static final Duration MAX_LOADER_STALL = Duration.ofMillis(100);
    /** Client event-loop threads. */
    public static final int CLIENT_THREADS = 2;
    /** Loopback source addresses (127.0.0.1..N), each with its own ephemeral ports. */
    public static final int SOURCE_ADDRESSES = 4;
    /** Keep-alive publish connections. */
    public static final int PUBLISHER_CONNECTIONS = 4;
    /** Where run folders are created. */
    public static final String RESULTS_FOLDER = "results";

    private Defaults() {
    }
}
