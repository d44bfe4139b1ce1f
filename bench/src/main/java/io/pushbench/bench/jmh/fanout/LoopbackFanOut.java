package io.pushbench.bench.jmh.fanout;

import io.pushbench.bench.client.ClientEngine;
import io.pushbench.bench.client.ClientEngineConfig;
import io.pushbench.bench.client.ClientGroup;
import io.pushbench.bench.client.ClientGroupSnapshot;
import io.pushbench.bench.client.ClientSettings;
import io.pushbench.bench.client.ClientTarget;
import io.pushbench.bench.jmh.MessageSource;
import io.pushbench.model.Strategy;
import io.pushbench.server.PushServer;
import io.pushbench.server.PushServerConfig;
import io.pushbench.server.TrafficCounts;

import java.net.InetSocketAddress;

/**
 * The real server and N real clients of one strategy on loopback, in this JVM, all on one topic:
 * {@link #publishAndAwaitAll()} publishes the next message and returns when every client has it.
 *
 * <p>Why the topic is first filled to seq {@value #FIRST_SEQ}: so every seq has the same number of
 * digits as in the encode benchmarks, and each message costs exactly the same bytes on the wire.
 *
 * <p>Typical use: {@code try (LoopbackFanOut f = LoopbackFanOut.start(Strategy.SSE, 1000, 64, 100)) { f.publishAndAwaitAll(); }}
 */
final class LoopbackFanOut implements AutoCloseable {
    /** The topic every client reads. */
    static final String TOPIC = "fanout";
    /** The seq of the first measured message. */
    static final long FIRST_SEQ = MessageSource.FIRST_SEQ;
    /** How long one delivery to every client may take before the operation fails, milliseconds. */
    static final long DELIVERY_TIMEOUT_MILLIS = 30_000;
    /** Client connections opened per second while starting (the server's accept backlog is 1,024). */
    static final int RAMP_UP_PER_SEC = 5_000;

    private final Strategy strategy;
    private final int clients;
    private final MessageSource messages;
    private final PushServer server;
    private final ClientEngine engine;
    private final DeliveryLatch latch = new DeliveryLatch();
    private ClientGroup group;

    private LoopbackFanOut(Strategy strategy, int clients, int payloadBytes, PushServer server) {
        this.strategy = strategy;
        this.clients = clients;
        this.messages = new MessageSource(payloadBytes);
        this.server = server;
        this.engine = new ClientEngine(ClientEngineConfig.DEFAULTS);
    }

    /**
     * Starts the server and the clients and delivers one message to all of them, so every connection
     * is open and waiting when this returns.
     *
     * @param pollIntervalMillis short polling's interval (ignored by the other strategies), &gt; 0
     */
    static LoopbackFanOut start(Strategy strategy, int clients, int payloadBytes, long pollIntervalMillis)
            throws InterruptedException {
        PushServer server = new PushServer(PushServerConfig.builder().bindAddress("127.0.0.1").port(0).build());
        LoopbackFanOut fanOut = new LoopbackFanOut(strategy, clients, payloadBytes, server);
        try {
            InetSocketAddress address = server.start();
            byte[] filler = new byte[0];
            for (long seq = 1; seq < FIRST_SEQ - 1; seq++) {
                server.publish(TOPIC, filler);
            }
            ClientSettings settings = ClientSettings.DEFAULTS
                    .withPollIntervalMillis(pollIntervalMillis)
                    .withRampUpPerSec(RAMP_UP_PER_SEC)
                    .withStartAfterSeq(FIRST_SEQ - 2);
            fanOut.group = fanOut.engine.start(strategy,
                    ClientTarget.pushbench(address.getHostString(), address.getPort()), clients, id -> TOPIC,
                    settings, fanOut.latch);
            fanOut.publishAndAwaitAll();    // seq FIRST_SEQ - 1: everybody connected
            return fanOut;
        } catch (RuntimeException | InterruptedException e) {
            fanOut.close();
            throw e;
        }
    }

    /** Publishes the next message and waits until every client has it; returns its seq. */
    long publishAndAwaitAll() throws InterruptedException {
        messages.advance();
        latch.expect(clients);
        long seq = server.publish(TOPIC, messages.payload());
        latch.await(DELIVERY_TIMEOUT_MILLIS);
        return seq;
    }

    /** The clients' own counts (the load generator's byte accounting). */
    ClientGroupSnapshot clientSnapshot() {
        return group.snapshot();
    }

    /** The server's counts for this strategy. */
    TrafficCounts serverCounts() {
        return server.metrics().of(strategy);
    }

    @Override
    public void close() {
        if (group != null) {
            group.close();
        }
        engine.close();
        server.close();
    }
}
