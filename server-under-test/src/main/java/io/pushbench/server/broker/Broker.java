package io.pushbench.server.broker;

import io.pushbench.server.log.TopicLog;
import java.util.concurrent.CompletionStage;

/**
 * Carries each publish to every server instance: {@link #publish} hands a message to the broker, which numbers it
 * in its topic (one sequence per topic across all instances) and delivers it to every instance's
 * {@link BrokerIngress}, which appends it to the local log the strategies fan out from. The memory broker appends
 * at once and numbers locally.
 *
 * <p>Thread-safe. Typical use: {@code broker.start(ingress); broker.publish(topic, payload, nowMicros)
 * .whenComplete((seq, error) -> answer(seq, error));} and {@code broker.close()} at the end.
 */
public interface Broker extends AutoCloseable {

    /** The broker's kind. */
    BrokerKind kind();

    /**
     * Connects, prepares what the broker needs (scripts, table) and subscribes; from then on every message the
     * broker delivers goes to {@code ingress}. A broker lost later is reconnected with backoff, not fatal.
     *
     * @throws BrokerUnavailableException naming the broker and why, when it cannot be reached or set up now
     */
    void start(BrokerIngress ingress) throws BrokerUnavailableException;

    /**
     * Publishes a message to a topic.
     *
     * @param topic               the topic on this instance (its head is the floor of the seq assigned: a broker
     *                            that lost its counters in a restart never numbers below what this instance has)
     * @param payload             the payload, kept by reference
     * @param acceptedEpochMicros when this instance accepted the publish (start of the hop latency)
     * @return completes with the message's seq in its topic, or with a {@link BrokerPublishException}
     */
    CompletionStage<Long> publish(TopicLog topic, byte[] payload, long acceptedEpochMicros);

    /**
     * The topic's last seq at the broker now (0 = none yet), for anchoring a topic this instance has just come to
     * know ({@link TopicLog#anchorAt}): from then on the broker delivers each later seq, in order, while subscribed.
     *
     * @return completes with the seq, or exceptionally when the broker cannot answer (the topic stays unanchored)
     */
    CompletionStage<Long> headSeq(String topic);

    /** Stops subscribing and disconnects. Idempotent. */
    @Override
    void close();
}
