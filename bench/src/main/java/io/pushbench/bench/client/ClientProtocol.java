package io.pushbench.bench.client;

import io.netty.channel.Channel;
import io.netty.channel.socket.DuplexChannel;

import java.util.concurrent.TimeUnit;

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

    /** How long a graceful close may take before the connection is closed anyway, in milliseconds (at least). */
    long FORCE_CLOSE_MILLIS = 5_000;

    /**
     * Ends a connection gracefully. By default (HTTP strategies) the client half-closes (sends FIN) and reads on until
     * the server closes, so every byte the server wrote before closing is read and counted on both sides; after
     * {@code forceCloseMillis} it closes anyway and calls {@code onForced}: what the server writes to it afterwards
     * is never read, so the exact byte check cannot hold. WebSocket overrides this with the close handshake.
     */
    default void closeGracefully(Channel channel, long forceCloseMillis, Runnable onForced) {
        if (channel instanceof DuplexChannel duplex && channel.isActive()) {
            duplex.shutdownOutput().addListener(f -> {
                if (!f.isSuccess()) {
                    channel.close();
                }
            });
            forceCloseLater(channel, forceCloseMillis, onForced);
        } else {
            channel.close();
        }
    }

    /** Closes {@code channel} after {@code millis} if the peer has not closed it by then, and calls {@code onForced}. */
    static void forceCloseLater(Channel channel, long millis, Runnable onForced) {
        channel.eventLoop().schedule(() -> {
            if (channel.isActive()) {
                onForced.run();
                channel.close();
            }
        }, millis, TimeUnit.MILLISECONDS);
    }
}
