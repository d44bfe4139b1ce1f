package io.pushbench.bench.client;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BiFunction;

/** A test listener: per client the delivered count and last seq, payload mismatches, errors and thread names. */
public final class RecordingListener implements DeliveryListener {
    public final AtomicLongArray delivered;
    public final AtomicLongArray lastSeq;
    public final AtomicLongArray lost;
    public final AtomicLong connected = new AtomicLong();
    public final AtomicLong payloadMismatches = new AtomicLong();
    public final AtomicLong foreignThreads = new AtomicLong();
    public final Queue<String> errors = new ConcurrentLinkedQueue<>();
    public final Map<String, String> firstMismatch = new ConcurrentHashMap<>();
    private final BiFunction<String, Long, String> expectedPayload;

    /** @param expectedPayload the payload published as (topic, seq); null = do not check payloads */
    public RecordingListener(int clients, BiFunction<String, Long, String> expectedPayload) {
        this.delivered = new AtomicLongArray(clients);
        this.lastSeq = new AtomicLongArray(clients);
        this.lost = new AtomicLongArray(clients);
        this.expectedPayload = expectedPayload;
    }

    @Override
    public void onMessage(int clientId, String topic, long seq, ByteBuf payload, long receiveNanos) {
        checkThread();
        delivered.incrementAndGet(clientId);
        lastSeq.set(clientId, seq);
        if (expectedPayload != null) {
            String got = payload.toString(StandardCharsets.ISO_8859_1);
            String want = expectedPayload.apply(topic, seq);
            if (!got.equals(want)) {
                payloadMismatches.incrementAndGet();
                firstMismatch.putIfAbsent("first", topic + "/" + seq + ": got " + abbreviate(got) + " want " + abbreviate(want));
            }
        }
    }

    @Override
    public void onLost(int clientId, String topic, long lostCount) {
        checkThread();
        lost.addAndGet(clientId, lostCount);
    }

    @Override
    public void onConnected(int clientId, long connectNanos) {
        checkThread();
        if (connectNanos > 0) {
            connected.incrementAndGet();
        }
    }

    @Override
    public void onError(int clientId, String description) {
        checkThread();
        errors.add(clientId + ": " + description);
    }

    public long deliveredTotal() {
        long sum = 0;
        for (int i = 0; i < delivered.length(); i++) {
            sum += delivered.get(i);
        }
        return sum;
    }

    public boolean everyClientHas(long messages) {
        for (int i = 0; i < delivered.length(); i++) {
            if (delivered.get(i) < messages) {
                return false;
            }
        }
        return true;
    }

    private void checkThread() {
        if (!Thread.currentThread().getName().startsWith(ClientEngine.THREAD_NAME_PREFIX)) {
            foreignThreads.incrementAndGet();
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? "'" + s + "'" : "'" + s.substring(0, 40) + "...' (" + s.length() + " bytes)";
    }
}
