package io.pushbench.bench.client;

import io.netty.channel.Channel;

/**
 * What one strategy contributes to a simulated client: the pipeline stages of a connection and how to end one
 * gracefully. Implementations are stateless and shared by all clients of a group; per-connection state lives in the
 * handlers they add, per-client state in {@link SimulatedClient}.
 *
 * <p>The strategy's last handler must call {@link SimulatedClient#connectionClosed} from {@code channelInactive}.
 */
public interface ClientProtocol {

    /**
     * Adds the strategy's stages after the byte counter; called on the client's event loop for each connection.
     * The first request (or handshake) is sent from the handler's {@code channelActive}.
     */
    void initChannel(Channel channel, SimulatedClient client);

    /** Ends a connection gracefully (the WebSocket close handshake); by default just closes it. */
    default void closeGracefully(Channel channel) {
        channel.close();
    }
}
