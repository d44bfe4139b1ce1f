package io.pushbench.bench.network;

import io.pushbench.bench.netns.Netem;
import io.pushbench.bench.netns.NetworkNamespace;
import io.pushbench.bench.netns.VethPair;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A kernel-emulated link to a server on this host's loopback: the clients connect to a zero-delay relay inside a
 * network namespace, across a veth pair with {@code tc netem} on both ends; that relay connects back across the
 * pair to a second zero-delay relay in this process, which connects to the server. Each direction crosses both ends
 * once, so each end delays by a quarter of the round trip and drops {@code 1 - sqrt(1 - loss)} of the packets.
 * The server, whichever it is, needs no change.
 *
 * <pre>
 * clients ──veth(netem)──► relay in namespace ──veth(netem)──► relay here ──loopback──► server
 * </pre>
 */
final class NetemLink implements AutoCloseable {

    private static final AtomicInteger SUBNETS = new AtomicInteger(1024);
    private static final long START_TIMEOUT_SEC = 30;

    private final NetworkNamespace namespace;
    private final DelayRelay rootRelay;
    private final Process namespaceRelay;
    private final InetSocketAddress front;

    private NetemLink(NetworkNamespace namespace, DelayRelay rootRelay, Process namespaceRelay, InetSocketAddress front) {
        this.namespace = namespace;
        this.rootRelay = rootRelay;
        this.namespaceRelay = namespaceRelay;
        this.front = front;
    }

    /**
     * Builds the link; on any failure removes what it made.
     *
     * @param withNetem false only in tests on kernels without netem: the same path without the qdiscs
     */
    static NetemLink open(InetSocketAddress server, NetworkCondition condition, boolean withNetem) throws IOException {
        NetworkNamespace ns = NetworkNamespace.create("pb-net");
        DelayRelay root = null;
        Process process = null;
        try {
            VethPair pair = VethPair.create(NetworkNamespace.ROOT, ns, VethPair.subnet(SUBNETS.getAndIncrement() % 2048));
            if (withNetem) {
                Duration quarter = condition.roundTrip().dividedBy(4);
                double perCrossing = 100 * (1 - Math.sqrt(1 - condition.lossPercent() / 100));
                Netem.apply(NetworkNamespace.ROOT, pair.localDevice(), quarter, perCrossing);
                Netem.apply(ns, pair.peerDevice(), quarter, perCrossing);
            }
            root = DelayRelay.start(new InetSocketAddress(pair.localAddress(), 0), server, Duration.ZERO);
            process = ns.processBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-cp", System.getProperty("java.class.path"), DelayRelayMain.class.getName(),
                    pair.peerAddress(), pair.localAddress(), "" + root.address().getPort(), "0"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            InetSocketAddress front = readReady(process);
            return new NetemLink(ns, root, process, front);
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                process.destroyForcibly();
            }
            if (root != null) {
                root.close();
            }
            ns.close();
            throw e;
        }
    }

    private static InetSocketAddress readReady(Process process) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        try {
            line = CompletableFuture.supplyAsync(() -> {
                try {
                    return in.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(START_TIMEOUT_SEC, TimeUnit.SECONDS);
        } catch (Exception e) {
            line = null;
        }
        if (line == null || !line.startsWith(DelayRelayMain.READY + " ")) {
            throw new IOException("the relay inside the network namespace did not start (" + line + ")");
        }
        String[] parts = line.split(" ");
        return new InetSocketAddress(parts[1], Integer.parseInt(parts[2]));
    }

    /** Where the clients connect (inside the namespace). */
    InetSocketAddress front() {
        return front;
    }

    @Override
    public void close() throws IOException {
        try {
            namespaceRelay.getOutputStream().close();
            if (!namespaceRelay.waitFor(5, TimeUnit.SECONDS)) {
                namespaceRelay.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            namespaceRelay.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            rootRelay.close();
            namespace.close();
        }
    }
}
