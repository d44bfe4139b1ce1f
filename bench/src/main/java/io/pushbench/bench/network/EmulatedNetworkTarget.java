package io.pushbench.bench.network;

import io.pushbench.bench.netns.IpTool;
import io.pushbench.bench.netns.Netem;
import io.pushbench.bench.netns.NetnsUnavailableException;
import io.pushbench.bench.run.servers.ServerTarget;
import io.pushbench.bench.run.servers.StartedTarget;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

/**
 * A server target whose clients reach it across an emulated network ({@code --network}): every strategy run gets a
 * fresh link (netem on a veth pair, or the {@link DelayRelay}) between the clients and the server. The publisher and
 * the server's counters keep the direct path, so the delay falls on the clients' side only, as when a server in a
 * data centre pushes to clients across the internet.
 */
public final class EmulatedNetworkTarget implements ServerTarget {

    private final ServerTarget server;
    private final NetworkCondition condition;
    private final LinkEmulator emulator;

    private EmulatedNetworkTarget(ServerTarget server, NetworkCondition condition, LinkEmulator emulator) {
        this.server = server;
        this.condition = condition;
        this.emulator = emulator;
    }

    /**
     * Wraps a target; picks netem where the kernel has it, else the delay relay.
     *
     * @param preference null = the best available; or the emulator to use
     * @throws NetnsUnavailableException no root, no {@code ip}/{@code tc}, netem asked for but missing, or a loss
     *                                   asked for without netem (a relay cannot drop packets)
     */
    public static EmulatedNetworkTarget wrap(ServerTarget server, NetworkCondition condition, LinkEmulator preference)
            throws NetnsUnavailableException {
        IpTool.requireUsable();
        boolean netem = preference != LinkEmulator.RELAY && Netem.available();
        if (preference == LinkEmulator.NETEM && !netem) {
            throw new NetnsUnavailableException("--network-emulator netem: this kernel (" + kernel()
                    + ") has no netem qdisc ('tc qdisc add ... netem' answers 'Specified qdisc kind is unknown'); "
                    + "use --network-emulator relay, or a kernel with sch_netem");
        }
        if (!netem && condition.lossPercent() > 0) {
            throw new NetnsUnavailableException("--network " + condition.label() + " asks for "
                    + condition.lossPercent() + "% packet loss, which needs tc netem, and "
                    + (preference == LinkEmulator.RELAY ? "--network-emulator relay was chosen"
                    : "this kernel (" + kernel() + ") has no netem qdisc")
                    + "; the user-space delay relay delays a byte stream but cannot drop packets. Give a round trip "
                    + "without loss, e.g. --network " + io.pushbench.bench.workload.DurationText.format(condition.roundTrip()));
        }
        return new EmulatedNetworkTarget(server, condition, netem ? LinkEmulator.NETEM : LinkEmulator.RELAY);
    }

    private static String kernel() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    public LinkEmulator emulator() {
        return emulator;
    }

    public NetworkCondition condition() {
        return condition;
    }

    @Override
    public String mode() {
        return server.mode();
    }

    @Override
    public StartedTarget start(Strategy strategy, WorkloadParameters workload, int runIndex) throws IOException {
        StartedTarget started = server.start(strategy, workload, runIndex);
        InetSocketAddress upstream = upstream(started, strategy);
        AutoCloseable link;
        InetSocketAddress front;
        io.pushbench.bench.run.servers.ServerProbe probe = started.probe();
        try {
            if (emulator == LinkEmulator.NETEM) {
                NetemLink netem = NetemLink.open(upstream, condition, true);
                link = netem;
                front = netem.front();
            } else {
                DelayRelay relay = DelayRelay.start(upstream, condition.oneWayDelay());
                link = relay;
                front = relay.address();
                probe = new LinkAccountedProbe(probe, relay);
            }
        } catch (IOException | RuntimeException e) {
            started.close();
            throw e;
        }
        return new StartedTarget(started.clients().connectingTo(front), started.publish(), front.getHostString(),
                front.getPort(), started.topicPrefix(), probe, () -> {
                    try {
                        link.close();
                    } finally {
                        started.close();
                    }
                });
    }

    /** The server's address for the strategy's clients (an external target's template may name its own host). */
    private static InetSocketAddress upstream(StartedTarget started, Strategy strategy) {
        io.pushbench.bench.client.UrlTemplate t = started.clients().template(strategy);
        return new InetSocketAddress(t.host(), t.port());
    }

    @Override
    public void runStarts(String runId) {
        server.runStarts(runId);
    }

    @Override
    public Map<String, String> serverOptions() {
        return server.serverOptions();
    }

    @Override
    public io.pushbench.report.NetworkCondition network() {
        return new io.pushbench.report.NetworkCondition(condition.label(), condition.roundTrip().toNanos() / 1e6,
                condition.lossPercent(), emulator.label(), emulator.models(), emulator.doesNotModel());
    }

    /** Half the round trip, each way. */
    public Duration oneWayDelay() {
        return condition.oneWayDelay();
    }
}
