package io.pushbench.bench.clock;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

/** Where the target server's clock is, relative to the load generator's: what offset the exchanges should find. */
public enum TargetClock {
    /** The embedded server: one JVM, one clock; the offset is zero by construction and the estimate checks it. */
    SAME_PROCESS("same-process"),
    /** A forked server, or an external one at a local address: one kernel clock; the offset is zero. */
    SAME_HOST("same-host"),
    /** An external server at an address of another host: its own clock, an unknown offset. */
    OTHER_HOST("other-host");

    private final String label;

    TargetClock(String label) {
        this.label = label;
    }

    /** The label in the report ({@code environment.clock.targetClock}). */
    public String label() {
        return label;
    }

    /**
     * The clock of a target.
     *
     * @param serverMode {@code embedded}, {@code fork} or {@code external} (a {@code ServerTarget}'s mode)
     * @param host       the server's host name or address; an external server is on this host when it resolves to a
     *                   loopback or wildcard address or to an address of one of this host's interfaces
     */
    public static TargetClock of(String serverMode, String host) {
        switch (serverMode) {
            case "embedded":
                return SAME_PROCESS;
            case "fork":
                return SAME_HOST;
            default:
                return isLocal(host) ? SAME_HOST : OTHER_HOST;
        }
    }

    private static boolean isLocal(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;   // unresolvable: treated as another host, whose clock cannot be assumed equal
        }
    }
}
