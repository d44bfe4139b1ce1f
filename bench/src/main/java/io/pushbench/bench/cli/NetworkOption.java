package io.pushbench.bench.cli;

import io.pushbench.bench.netns.NetnsUnavailableException;
import io.pushbench.bench.network.EmulatedNetworkTarget;
import io.pushbench.bench.network.LinkEmulator;
import io.pushbench.bench.network.NetworkCondition;
import io.pushbench.bench.run.servers.ServerTarget;

import java.util.Locale;

/** {@code --network} and {@code --network-emulator}, shared by {@code run} and {@code claims}. */
final class NetworkOption {

    private NetworkOption() {
    }

    /**
     * The target as it is without {@code --network}, else behind the emulated network.
     *
     * @throws IllegalArgumentException bad values, or a network that cannot be emulated here (the reason named)
     */
    static ServerTarget wrap(ServerTarget target, String network, String emulator) {
        LinkEmulator preference = emulator(emulator);
        if (network == null) {
            return target;
        }
        NetworkCondition condition = NetworkCondition.parse(network);
        try {
            return EmulatedNetworkTarget.wrap(target, condition, preference);
        } catch (NetnsUnavailableException e) {
            throw new IllegalArgumentException("--network " + network + ": " + e.getMessage());
        }
    }

    /** null for auto. */
    static LinkEmulator emulator(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "auto": return null;
            case "netem": return LinkEmulator.NETEM;
            case "relay": return LinkEmulator.RELAY;
            default: throw new IllegalArgumentException("invalid --network-emulator '" + text + "': expected auto, netem or relay");
        }
    }
}
