package io.pushbench.bench.client;

/**
 * How a {@link ClientEngine} is built.
 *
 * @param eventLoopThreads    client event loop threads (named {@code pushbench-client-...}); must be &gt;= 1
 * @param sourceAddressCount  loopback source addresses to spread connections over, 127.0.0.1 .. 127.0.0.N, each with its
 *                            own ~28k ephemeral ports; used only for loopback targets; 1..254
 * @param preferNativeTransport use native epoll when it loads (else NIO); false forces NIO
 */
public record ClientEngineConfig(int eventLoopThreads, int sourceAddressCount, boolean preferNativeTransport) {

    /** Two event loops, four source addresses (room for ~110k connections), native transport when available. */
    public static final ClientEngineConfig DEFAULTS = new ClientEngineConfig(2, 4, true);

    public ClientEngineConfig {
        if (eventLoopThreads < 1) {
            throw new IllegalArgumentException("eventLoopThreads must be >= 1, got " + eventLoopThreads);
        }
        if (sourceAddressCount < 1 || sourceAddressCount > 254) {
            throw new IllegalArgumentException("sourceAddressCount must be 1..254, got " + sourceAddressCount);
        }
    }
}
