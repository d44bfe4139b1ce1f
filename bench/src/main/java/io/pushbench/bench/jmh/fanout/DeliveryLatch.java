package io.pushbench.bench.jmh.fanout;

import io.netty.buffer.ByteBuf;
import io.pushbench.bench.client.DeliveryListener;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets the benchmark thread wait until every client has the message just published: the clients'
 * event loops count deliveries down, the benchmark thread blocks (it does not spin: on two cores a
 * spinning waiter would steal the CPU the event loops need).
 *
 * <p>Typical use: {@code latch.expect(clients); server.publish(topic, payload); latch.await(timeoutMillis);}
 * One message in flight at a time.
 */
final class DeliveryLatch implements DeliveryListener {
    private volatile CountDownLatch pending = new CountDownLatch(0);
    private final AtomicLong errors = new AtomicLong();
    private volatile String firstError;

    /** Arms the latch for the next message: {@code deliveries} clients must get it. */
    void expect(int deliveries) {
        pending = new CountDownLatch(deliveries);
    }

    /**
     * Waits until every expected delivery happened.
     *
     * @throws IllegalStateException naming how many were missing (and the first client error) after the timeout
     */
    void await(long timeoutMillis) throws InterruptedException {
        CountDownLatch latch = pending;
        if (!latch.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(latch.getCount() + " client(s) still lacked the message after "
                    + timeoutMillis + " ms; client errors: " + errors.get()
                    + (firstError == null ? "" : " (first: " + firstError + ")"));
        }
    }

    @Override
    public void onMessage(int clientId, String topic, long seq, ByteBuf payload, long receiveNanos) {
        pending.countDown();
    }

    @Override
    public void onLost(int clientId, String topic, long lostCount) {
        onError(clientId, lostCount + " message(s) lost to retention");
    }

    @Override
    public void onConnected(int clientId, long connectNanos) {
        // connections are awaited through deliveries
    }

    @Override
    public void onError(int clientId, String description) {
        if (errors.getAndIncrement() == 0) {
            firstError = "client " + clientId + ": " + description;
        }
    }
}
