package io.pushbench.server.client;

import io.pushbench.model.Strategy;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A subscriber written independently of the server's code, on the JDK's HttpClient and WebSocket: one per
 * strategy, all collecting what they receive in arrival order.
 */
public abstract class PushTestClient implements AutoCloseable {

    protected final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    protected final String base;
    protected final HttpClient http;

    protected PushTestClient(InetSocketAddress server) {
        this.base = "http://127.0.0.1:" + server.getPort();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A client of this strategy subscribed to {@code topic} from cursor {@code after}. */
    public static PushTestClient subscribe(Strategy strategy, InetSocketAddress server, String topic, long after) {
        PushTestClient client = switch (strategy) {
            case SHORT_POLLING -> new PollingTestClient(server, "/poll/");
            case LONG_POLLING -> new PollingTestClient(server, "/long-poll/");
            case SSE -> new SseTestClient(server);
            case WEBSOCKET -> new WebSocketTestClient(server);
        };
        client.start(topic, after);
        return client;
    }

    protected abstract void start(String topic, long after);

    /** Waits (up to 20 s) until {@code count} more items arrived and returns them, oldest first. */
    public List<Received> await(int count) throws InterruptedException {
        List<Received> items = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (items.size() < count) {
            Received r = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (r == null) {
                throw new AssertionError("timed out after receiving " + items.size() + " of " + count + ": " + items);
            }
            items.add(r);
        }
        return items;
    }

    /** The highest message seq received so far by {@link #await} callers is tracked by them; this closes the connection. */
    @Override
    public abstract void close();
}
