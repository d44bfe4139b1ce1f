package io.pushbench.bench.netns;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A veth pair joining two namespaces, each end up with an address of a /30 subnet: the {@code local} end
 * {@code 10.NN.MM.1}, the {@code peer} end {@code 10.NN.MM.2}. Deleting one end deletes the pair; {@link #close}
 * does so (deleting the peer's namespace does it too).
 *
 * @param local        the first namespace (often {@link NetworkNamespace#ROOT})
 * @param peer         the second namespace
 * @param localDevice  the interface name in {@code local}
 * @param peerDevice   the interface name in {@code peer}
 * @param localAddress the address of {@code localDevice}, e.g. {@code 10.201.0.1}
 * @param peerAddress  the address of {@code peerDevice}, e.g. {@code 10.201.0.2}
 */
public record VethPair(NetworkNamespace local, NetworkNamespace peer, String localDevice, String peerDevice,
                       String localAddress, String peerAddress) implements AutoCloseable {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** The 10.200.0.0/13 block the subnets come from; private, and unlikely to be routed on a test machine. */
    private static final int FIRST_SECOND_OCTET = 200;

    /**
     * The /30 subnet number {@code index} of 10.200.0.0/13 as its first three octets, e.g. {@code 10.200.0} for 0,
     * {@code 10.200.1} for 1. Pick different indexes for links that exist at the same time.
     *
     * @param index 0 .. 2047
     */
    public static String subnet(int index) {
        if (index < 0 || index > 2047) {
            throw new IllegalArgumentException("subnet index must be 0..2047, got " + index);
        }
        return "10." + (FIRST_SECOND_OCTET + index / 256) + "." + (index % 256);
    }

    /**
     * Creates the pair, gives the ends {@code <subnet>.1/30} and {@code <subnet>.2/30} and brings them up.
     *
     * @param subnet three octets from {@link #subnet(int)}
     * @throws IOException when a step fails; the pair is then deleted again
     */
    public static VethPair create(NetworkNamespace local, NetworkNamespace peer, String subnet) throws IOException {
        if (local == peer) {
            throw new IllegalArgumentException("a veth pair joins two different namespaces");
        }
        int n = SEQUENCE.incrementAndGet();
        String base = "pb" + ProcessHandle.current().pid() % 100_000 + "x" + n;   // at most 15 characters with a suffix
        VethPair pair = new VethPair(local, peer, base + "a", base + "b", subnet + ".1", subnet + ".2");
        local.ip("link", "add", pair.localDevice, "type", "veth", "peer", "name", pair.peerDevice,
                "netns", peer.isRoot() ? "1" : peer.name());
        try {
            local.ip("addr", "add", pair.localAddress + "/30", "dev", pair.localDevice);
            local.ip("link", "set", pair.localDevice, "up");
            peer.ip("addr", "add", pair.peerAddress + "/30", "dev", pair.peerDevice);
            peer.ip("link", "set", pair.peerDevice, "up");
        } catch (IOException | RuntimeException e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    /** Deletes the pair (both ends); does nothing when it is already gone with a deleted namespace. */
    @Override
    public void close() throws IOException {
        try {
            local.ip("link", "delete", localDevice);
        } catch (IOException e) {
            if (!e.getMessage().contains("Cannot find device") && !e.getMessage().contains("Cannot open network namespace")) {
                throw e;
            }
        }
    }
}
