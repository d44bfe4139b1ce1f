package io.pushbench.server.broker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadFactory;

/** Creates the broker a {@code --broker} URL names. */
public final class Brokers {

    /**
     * How long a publish may wait for its broker: for an answer (Redis's command timeout, longer than a paused broker
     * is paused in the fault tests, 5 s), or for its lost connection to come back so it can be sent again; past it the
     * publish's fate is unknown ({@link BrokerPublishException#fateUnknown}).
     */
    static final java.time.Duration PUBLISH_TIMEOUT = java.time.Duration.ofSeconds(10);

    private Brokers() {
    }

    /** @param threads makes the broker's own threads (the server counts their CPU as its own) */
    public static Broker create(BrokerUrl url, ThreadFactory threads) {
        return switch (url.kind()) {
            case MEMORY -> new MemoryBroker();
            case REDIS_PUBSUB -> new RedisPubSubBroker(url, threads);
            case REDIS_STREAMS -> new RedisStreamsBroker(url, threads);
            case POSTGRES_NOTIFY -> new PostgresNotifyBroker(url, threads);
        };
    }

    /** Counts a publish's outcome and turns its failure into a {@link BrokerPublishException} naming the broker. */
    static CompletionStage<Long> track(BrokerIngress ingress, CompletionStage<Long> publish, BrokerUrl url) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        publish.whenComplete((seq, error) -> {
            if (error == null) {
                ingress.published();
                result.complete(seq);
                return;
            }
            ingress.publishFailed();
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            result.completeExceptionally(cause instanceof BrokerPublishException
                    ? cause : new BrokerPublishException("broker " + url.endpoint() + " did not take the publish: "
                    + cause.getMessage(), BrokerPublishException.Failure.BROKER_UNAVAILABLE, cause));
        });
        return result;
    }
}
