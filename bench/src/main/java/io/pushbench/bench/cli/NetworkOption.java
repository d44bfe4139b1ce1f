package io.pushbench.bench.cli;

import io.pushbench.bench.netns.NetnsUnavailableException;
import io.pushbench.bench.network.EmulatedNetworkTarget;
import io.pushbench.bench.network.LinkEmulator;
import io.pushbench.bench.network.NetworkCondition;
import io.pushbench.bench.run.servers.ServerTarget;


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
        LinkEmulator preference = LinkEmulator.fromOption(emulator);
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
}
