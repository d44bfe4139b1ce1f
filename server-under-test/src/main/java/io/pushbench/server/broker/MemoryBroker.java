package io.pushbench.server.broker;

import io.pushbench.server.log.TopicLog;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** No broker: a publish is appended to this process's log at once and numbered there (the default). */
public final class MemoryBroker implements Broker {

    @Override
    public BrokerKind kind() {
        return BrokerKind.MEMORY;
    }

    @Override
    public void start(BrokerIngress ingress) {
        // nothing to connect: the log is the broker
    }

    @Override
    public CompletionStage<Long> publish(TopicLog topic, byte[] payload, long acceptedEpochMicros) {
        return CompletableFuture.completedFuture(topic.append(payload));
    }

    @Override
    public CompletionStage<Long> headSeq(String topic) {
        throw new UnsupportedOperationException("the memory broker's log is the topic: nothing to anchor");
    }

    @Override
    public void close() {
    }
}
