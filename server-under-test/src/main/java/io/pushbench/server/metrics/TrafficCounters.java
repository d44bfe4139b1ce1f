package io.pushbench.server.metrics;

import io.pushbench.server.TrafficCounts;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The live counters of one traffic bucket (a strategy, or control). Thread-safe; many writers. */
public final class TrafficCounters {

    private final LongAdder requests = new LongAdder();
    private final LongAdder emptyResponses = new LongAdder();
    private final LongAdder messagesDelivered = new LongAdder();
    private final LongAdder deliveryWrites = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private final AtomicLong openConnections = new AtomicLong();

    /** One request (HTTP request, SSE subscription or WebSocket upgrade) was routed here. */
    public void countRequest() {
        requests.increment();
    }

    /** One answer carried no message ({@code 204}). */
    public void countEmptyResponse() {
        emptyResponses.increment();
    }

    /**
     * One write carrying {@code count} messages (a batch of frames or events, a poll's answer) completed: its
     * messages were written completely to a socket.
     */
    public void countDelivered(long count) {
        deliveryWrites.increment();     // before the messages: a snapshot that sees them sees their write (below)
        messagesDelivered.add(count);
    }

    void addBytesRead(long bytes) {
        bytesRead.add(bytes);
    }

    void addBytesWritten(long bytes) {
        bytesWritten.add(bytes);
    }

    void connectionOpened() {
        openConnections.incrementAndGet();
    }

    void connectionClosed() {
        openConnections.decrementAndGet();
    }

    /**
     * A consistent-enough snapshot (each counter read once; they move independently, except that delivered
     * messages are read before the writes that carried them, so no snapshot has messages without their write).
     */
    public TrafficCounts snapshot() {
        return new TrafficCounts(requests.sum(), emptyResponses.sum(), messagesDelivered.sum(), deliveryWrites.sum(),
                bytesRead.sum(), bytesWritten.sum(), openConnections.get());
    }
}
