package io.pushbench.bench.client.sse;

import io.netty.channel.Channel;
import io.pushbench.bench.client.ClientProtocol;
import io.pushbench.bench.client.SimulatedClient;
import io.pushbench.model.Strategy;

/** Server-Sent Events: one never-ending response per connection, resumed with {@code Last-Event-ID}. */
public final class SseClient implements ClientProtocol {
    /** The pipeline name of the SSE handler. */
    public static final String HANDLER = "sse";

    @Override
    public void initChannel(Channel channel, SimulatedClient client) {
        channel.pipeline().addLast(HANDLER, new SseClientHandler(client, client.target().template(Strategy.SSE)));
    }
}
