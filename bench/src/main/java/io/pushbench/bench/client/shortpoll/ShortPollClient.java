package io.pushbench.bench.client.shortpoll;

import io.netty.channel.Channel;
import io.pushbench.bench.client.ClientProtocol;
import io.pushbench.bench.client.SimulatedClient;
import io.pushbench.bench.client.poll.PollBodyParsers;
import io.pushbench.bench.client.poll.PollClientHandler;
import io.pushbench.model.Strategy;

import java.util.concurrent.TimeUnit;

/**
 * Short polling: a keep-alive connection, one request per poll interval on a fixed grid anchored at the client's
 * scheduled start ({@link FixedRateSchedule}).
 */
public final class ShortPollClient implements ClientProtocol {
    /** The pipeline name of the polling handler. */
    public static final String HANDLER = "short-poll";

    @Override
    public void initChannel(Channel channel, SimulatedClient client) {
        long intervalNanos = TimeUnit.MILLISECONDS.toNanos(client.settings().pollIntervalMillis());
        channel.pipeline().addLast(HANDLER, new PollClientHandler(client,
                client.target().template(Strategy.SHORT_POLLING), new FixedRateSchedule(intervalNanos, client.scheduledStartNanos()),
                PollBodyParsers.forTarget(client.target()), false));
    }
}
