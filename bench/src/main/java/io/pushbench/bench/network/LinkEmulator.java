package io.pushbench.bench.network;

/**
 * How {@code --network} puts its round trip between the clients and the server, with what each models and what it
 * does not (the report and {@code claims.md} print both).
 */
public enum LinkEmulator {
    /** Kernel: {@code tc netem} on a veth pair into a network namespace. */
    NETEM("netem",
            "tc netem on a veth pair into a network namespace: the clients' packets cross it twice each way (a "
                    + "zero-delay relay inside the namespace turns them back), each crossing delayed by a quarter of "
                    + "the round trip and dropped at random with the loss; TCP sees the real round trip",
            "bandwidth limits, jitter, reordering"),
    /** User space: {@link DelayRelay}. */
    RELAY("delay-relay",
            "a user-space TCP relay between the clients and the server holding every chunk for half the round trip "
                    + "in each direction (requests, answers, pushes and the dead time between a long poll's answer "
                    + "and its next request)",
            "packet loss (a byte stream cannot drop packets), bandwidth, TCP's own reaction to the round trip (slow "
                    + "start, congestion window, retransmits: both legs are loopback) and the connect handshake's "
                    + "round trip (connections are made before the measured window)");

    private final String label;
    private final String models;
    private final String doesNotModel;

    LinkEmulator(String label, String models, String doesNotModel) {
        this.label = label;
        this.models = models;
        this.doesNotModel = doesNotModel;
    }

    /**
     * {@code --network-emulator}: {@code auto} (null: netem where the kernel has it, else the relay), {@code netem}
     * or {@code relay}.
     */
    public static LinkEmulator fromOption(String text) {
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "auto": return null;
            case "netem": return NETEM;
            case "relay": return RELAY;
            default: throw new IllegalArgumentException("invalid --network-emulator '" + text + "': expected auto, netem or relay");
        }
    }

    public String label() {
        return label;
    }

    /** What it models, one sentence. */
    public String models() {
        return models;
    }

    /** What it does not model. */
    public String doesNotModel() {
        return doesNotModel;
    }
}
