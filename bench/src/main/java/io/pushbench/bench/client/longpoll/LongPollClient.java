package io.pushbench.bench.client.longpoll;

import io.netty.channel.Channel;
import io.pushbench.bench.client.ClientProtocol;
import io.pushbench.bench.client.SimulatedClient;
import io.pushbench.bench.client.poll.PollBodyParsers;
import io.pushbench.bench.client.poll.PollClientHandler;
import io.pushbench.bench.client.poll.PollSchedule;
import io.pushbench.model.Strategy;

/** Long polling: a keep-alive connection; the next request goes out as soon as each answer is complete. */
public final class LongPollClient implements ClientProtocol {
    /** The pipeline name of the polling handler. */
    public static final String HANDLER = "long-poll";

    /** Re-request at once. */
    private static final PollSchedule IMMEDIATE = new PollSchedule() {
        @Override
        public void requestSent(long nowNanos) {
        }

        @Override
        public long delayBeforeNextNanos(long nowNanos) {
            return 0;
        }
    };

    @Override
    public void initChannel(Channel channel, SimulatedClient client) {
        channel.pipeline().addLast(HANDLER, new PollClientHandler(client,
                client.target().template(Strategy.LONG_POLLING), IMMEDIATE, PollBodyParsers.forTarget(client.target()), true, false));
    }
}
