package io.pushbench.bench.netns;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code tc netem} on an interface: a fixed delay and a random loss on what leaves it. Delay both ends of a veth
 * pair by half the round trip to give the link that round trip. Many kernels are built without netem
 * ({@link #available()} says whether this one has it).
 */
public final class Netem {

    private Netem() {
    }

    /**
     * Whether the kernel has the netem qdisc: tried on the loopback of a throw-away namespace (so no interface of
     * this machine is touched).
     *
     * @throws NetnsUnavailableException when namespaces themselves cannot be used (see {@link IpTool#requireUsable})
     */
    public static boolean available() throws NetnsUnavailableException {
        IpTool.requireUsable();
        try (NetworkNamespace probe = NetworkNamespace.create("pb-probe")) {
            try {
                probe.tc("qdisc", "add", "dev", "lo", "root", "netem", "delay", "1ms");
                return true;
            } catch (IOException e) {
                return false;
            }
        } catch (IOException e) {
            throw new NetnsUnavailableException("cannot create a network namespace: " + e.getMessage());
        }
    }

    /**
     * Delays every packet leaving {@code device} (in {@code ns}) by {@code oneWayDelay} and drops {@code lossPercent}
     * of them at random.
     *
     * @param lossPercent 0 .. 100; 0 = no loss
     */
    public static void apply(NetworkNamespace ns, String device, Duration oneWayDelay, double lossPercent) throws IOException {
        List<String> args = new ArrayList<>(List.of("qdisc", "replace", "dev", device, "root", "netem",
                "delay", (oneWayDelay.toNanos() / 1000) + "us"));
        if (lossPercent > 0) {
            args.add("loss");
            args.add(String.format(Locale.ROOT, "%.4f%%", lossPercent));
        }
        ns.tc(args.toArray(String[]::new));
    }
}
