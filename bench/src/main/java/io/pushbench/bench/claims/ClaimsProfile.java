package io.pushbench.bench.claims;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How big the claims' experiments are: {@code quick} (a few minutes on a 2-core machine, for the README and CI) or
 * {@code full} (longer windows, more sweep points, up to 10,000 clients).
 *
 * @param label        {@code quick} or {@code full}
 * @param warmup       warm-up of every strategy run
 * @param window       measured window of every strategy run
 * @param clients      clients of the ordinary experiments
 * @param claim3Rates  the per-topic rates of claim 3's sweep, msg/s
 * @param claim4Clients the client counts of claim 4's sweep
 */
public record ClaimsProfile(String label, Duration warmup, Duration window, int clients, List<String> claim3Rates,
                            List<String> claim4Clients) {

    public static final ClaimsProfile QUICK = new ClaimsProfile("quick", Duration.ofSeconds(1), Duration.ofSeconds(5),
            100, List.of("2", "16"), List.of("100", "1000"));
    public static final ClaimsProfile FULL = new ClaimsProfile("full", Duration.ofSeconds(5), Duration.ofSeconds(20),
            200, List.of("1", "4", "16", "64"), List.of("100", "1000", "10000"));

    /** @throws IllegalArgumentException for anything but quick or full */
    public static ClaimsProfile fromLabel(String label) {
        switch (label.toLowerCase(Locale.ROOT)) {
            case "quick": return QUICK;
            case "full": return FULL;
            default: throw new IllegalArgumentException("unknown profile '" + label + "': expected quick or full");
        }
    }
}
