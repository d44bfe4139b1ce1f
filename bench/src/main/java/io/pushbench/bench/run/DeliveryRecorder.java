package io.pushbench.bench.run;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import io.pushbench.bench.client.DeliveryListener;
import io.pushbench.bench.metrics.LatencyRecorders;
import io.pushbench.bench.metrics.MicrosRecorder;
import io.pushbench.bench.metrics.StallProbe;
import io.pushbench.bench.workload.PayloadHeaderReader;
import io.pushbench.bench.workload.PublishScheduler;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns what the clients observe into the run's measurements: for every delivery of a message scheduled in the
 * measured window, the latency from its scheduled time and from its actual send (both read from the payload
 * header) and a count; connect times; errors. Called concurrently on the client event loops; each call is a few
 * reads of the payload and a wait-free record.
 *
 * <p>It also starts the stall probe on every client event loop the first time a client on it connects.
 */
final class DeliveryRecorder implements DeliveryListener {

    private final LatencyRecorders recorders;
    private final StallProbe stallProbe;
    /** The run's time frame and where its deliveries go; null until {@link #window} is called. */
    private volatile Frame frame;
    private final LongAdder delivered = new LongAdder();
    private final LongAdder withoutHeader = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private volatile DeliveryLog log;

    DeliveryRecorder(LatencyRecorders recorders, StallProbe stallProbe) {
        this.recorders = recorders;
        this.stallProbe = stallProbe;
    }

    /** What one phase's deliveries go to. */
    private record Phase(MicrosRecorder fromScheduled, MicrosRecorder fromSend, LongAdder delivered, DeliveryLog log) {
    }

    /**
     * The window and the phases a delivery is recorded in, by {@link PublishScheduler.Window#inWindow} of its scheduled
     * time: the warm-up's (counted and recorded, never read: the warm-up runs the window's code) and the window's.
     */
    private record Frame(PublishScheduler.Window window, Phase[] phases) {
    }

    /** Also writes every window delivery's latency to {@code log} ({@code --delivery-log}); before {@link #window}. */
    void log(DeliveryLog log) {
        this.log = log;
    }

    /** Sets the run's time frame; deliveries before it is set are counted but not measured. */
    void window(PublishScheduler.Window w) {
        DeliveryLog l = log;
        this.frame = new Frame(w, new Phase[] {
                new Phase(new MicrosRecorder(), new MicrosRecorder(), new LongAdder(), l == null ? null : DeliveryLog.discarding()),
                new Phase(recorders.fromScheduled(), recorders.fromSend(), new LongAdder(), l)});
    }

    @Override
    public void onMessage(int clientId, String topic, long seq, ByteBuf payload, long receiveNanos) {
        delivered.increment();
        Frame f = frame;
        PayloadHeaderReader header = PayloadHeaderReader.forCurrentThread();
        header.read(payload);
        long scheduled = header.scheduledNanos();
        if (scheduled < 0) {
            withoutHeader.increment();
            return;
        }
        if (f == null) {
            return;
        }
        PublishScheduler.Window w = f.window();
        long scheduledNanos = w.originNanos() + scheduled;
        Phase phase = f.phases()[w.inWindow(scheduledNanos)];
        phase.delivered().increment();
        long fromScheduledMicros = (receiveNanos - scheduledNanos) / 1000;
        phase.fromScheduled().record(fromScheduledMicros);
        DeliveryLog l = phase.log();
        if (l != null) {
            l.record(fromScheduledMicros);
        }
        long send = header.sendNanos();
        if (send >= 0) {
            phase.fromSend().record((receiveNanos - w.originNanos() - send) / 1000);
        }
    }

    @Override
    public void onLost(int clientId, String topic, long lostCount) {
        lost.add(lostCount);
    }

    @Override
    public void onConnected(int clientId, long connectNanos) {
        recorders.connectTime().record(connectNanos / 1000);
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        if (loop != null) {
            stallProbe.watch(loop);
        }
    }

    @Override
    public void onError(int clientId, String description) {
        errors.increment();
        firstError.compareAndSet(null, "client " + clientId + ": " + description);
    }

    /** Deliveries of any message so far. */
    long delivered() {
        return delivered.sum();
    }

    /** Deliveries of messages scheduled in the measured window so far. */
    long windowDelivered() {
        Frame f = frame;
        return f == null ? 0 : f.phases()[1].delivered().sum();
    }

    /** Deliveries whose payload had no pushbench header (a server that changed the payload). */
    long withoutHeader() {
        return withoutHeader.sum();
    }

    long errors() {
        return errors.sum();
    }

    long lost() {
        return lost.sum();
    }

    String firstError() {
        return firstError.get();
    }
}
