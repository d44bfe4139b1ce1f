package io.pushbench.bench.client.shortpoll;

import io.netty.channel.Channel;
import io.pushbench.bench.client.ClientProtocol;
import io.pushbench.bench.client.PollBodyFormat;
import io.pushbench.bench.client.SimulatedClient;
import io.pushbench.bench.client.poll.PollBodyParsers;
import io.pushbench.bench.client.poll.PollClientHandler;
import io.pushbench.model.Strategy;

import java.util.concurrent.TimeUnit;

/**
 * Short polling: a keep-alive connection, one request per poll interval on a fixed grid anchored at the client's
 * scheduled start ({@link FixedRateSchedule}); against a one-message-per-answer server, drained at once after each
 * answer that carried a message.
 */
public final class ShortPollClient implements ClientProtocol {
    /** The pipeline name of the polling handler. */
    public static final String HANDLER = "short-poll";

    /**
     * Whether a short poller asks again at once after an answer that carried a message: for servers that hand out one
     * message per answer ({@code --poll-body single}), as a real client of such an API does, so the client keeps up
     * with any message rate. The extra requests take no grid point; the next empty answer waits for the grid.
     */
    static boolean drainsSingleMessageAnswers(SimulatedClient client) {
        return !client.target().pushbenchFraming() && client.target().pollBodyFormat() == PollBodyFormat.SINGLE;
    }

    @Override
    public void initChannel(Channel channel, SimulatedClient client) {
        long intervalNanos = TimeUnit.MILLISECONDS.toNanos(client.settings().pollIntervalMillis());
        channel.pipeline().addLast(HANDLER, new PollClientHandler(client,
                client.target().template(Strategy.SHORT_POLLING), client.pollSchedule(() -> new FixedRateSchedule(intervalNanos, client.scheduledStartNanos())),
                PollBodyParsers.forTarget(client.target()), false, drainsSingleMessageAnswers(client)));
    }
}
