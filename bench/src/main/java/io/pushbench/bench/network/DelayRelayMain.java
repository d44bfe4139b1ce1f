package io.pushbench.bench.network;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A {@link DelayRelay} in its own process (run inside a network namespace by {@link NetemLink}): arguments
 * {@code LISTEN_HOST UPSTREAM_HOST UPSTREAM_PORT DELAY_MICROS}; prints {@code READY <host> <port>} once listening,
 * and stops when its standard input closes (its parent is gone).
 */
public final class DelayRelayMain {

    /** The first line printed once the relay listens. */
    public static final String READY = "READY";

    private DelayRelayMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: DelayRelayMain LISTEN_HOST UPSTREAM_HOST UPSTREAM_PORT DELAY_MICROS");
            System.exit(2);
        }
        try (DelayRelay relay = DelayRelay.start(new InetSocketAddress(args[0], 0),
                new InetSocketAddress(args[1], Integer.parseInt(args[2])), Duration.ofNanos(Long.parseLong(args[3]) * 1000))) {
            System.out.println(READY + " " + relay.address().getAddress().getHostAddress() + " " + relay.address().getPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the parent closes our standard input
            }
        }
    }
}
