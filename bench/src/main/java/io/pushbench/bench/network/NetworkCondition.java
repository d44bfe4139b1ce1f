package io.pushbench.bench.network;

import io.pushbench.bench.workload.DurationText;

import java.time.Duration;
import java.util.Locale;

/**
 * The network between the clients and the server ({@code --network}): a round-trip time and a packet loss.
 * Named conditions: {@code lan} 1 ms, {@code wan} 50 ms, {@code mobile} 150 ms with 1 % loss; or
 * {@code RTT[,LOSS%]}, e.g. {@code 100ms} or {@code 80ms,0.5%}.
 *
 * @param label       as given, e.g. {@code wan} or {@code 100ms}
 * @param roundTrip   the added round-trip time, &gt; 0
 * @param lossPercent packets dropped at random in each direction, 0 .. 50
 */
public record NetworkCondition(String label, Duration roundTrip, double lossPercent) {

    public NetworkCondition {
        if (roundTrip.isNegative() || roundTrip.isZero()) {
            throw new IllegalArgumentException("--network round trip must be > 0, got " + DurationText.format(roundTrip));
        }
        if (roundTrip.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("--network round trip must be at most 10s, got " + DurationText.format(roundTrip));
        }
        if (!(lossPercent >= 0 && lossPercent <= 50)) {
            throw new IllegalArgumentException("--network loss must be 0..50%, got " + lossPercent + "%");
        }
    }

    /**
     * Parses {@code lan}, {@code wan}, {@code mobile} or {@code RTT[,LOSS%]}.
     *
     * @throws IllegalArgumentException with the accepted forms
     */
    public static NetworkCondition parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "lan": return new NetworkCondition("lan", Duration.ofMillis(1), 0);
            case "wan": return new NetworkCondition("wan", Duration.ofMillis(50), 0);
            case "mobile": return new NetworkCondition("mobile", Duration.ofMillis(150), 1);
            default: break;
        }
        String[] parts = t.split(",", -1);
        if (parts.length > 2 || parts[0].isEmpty()) {
            throw invalid(text);
        }
        Duration rtt;
        try {
            rtt = DurationText.parse(parts[0]);
        } catch (IllegalArgumentException e) {
            throw invalid(text);
        }
        double loss = 0;
        if (parts.length == 2) {
            String l = parts[1].endsWith("%") ? parts[1].substring(0, parts[1].length() - 1) : parts[1];
            try {
                loss = Double.parseDouble(l);
            } catch (NumberFormatException e) {
                throw invalid(text);
            }
        }
        return new NetworkCondition(text.trim(), rtt, loss);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid --network '" + text + "': expected lan (1ms), wan (50ms), "
                + "mobile (150ms, 1% loss) or RTT[,LOSS%] such as 100ms or 80ms,0.5%");
    }

    /** Half the round trip: the delay each direction gets. */
    public Duration oneWayDelay() {
        return roundTrip.dividedBy(2);
    }

    /** E.g. {@code wan: 50ms RTT} or {@code 80ms,0.5%: 80ms RTT, 0.5% loss}. */
    public String describe() {
        return label + ": " + DurationText.format(roundTrip) + " RTT" + (lossPercent > 0 ? ", " + lossPercent + "% loss" : "");
    }
}
