package io.pushbench.bench.metrics;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stop-the-world GC pauses of this JVM while it is open, from the collectors' notifications (one per
 * collection, with its duration in ms). Concurrent cycles ({@code G1 Concurrent GC}, {@code ZGC Cycles}) are
 * not pauses and are left out.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (GcPauseMeter gc = GcPauseMeter.start()) {
 *     ... measured window ...
 *     GcFigures figures = gc.figures("loader+server");
 * }
 * }</pre>
 */
public final class GcPauseMeter implements AutoCloseable {

    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final List<String> collectors = new ArrayList<>();
    private final AtomicLong pauses = new AtomicLong();
    private final AtomicLong totalPauseMillis = new AtomicLong();
    private final AtomicLong maxPauseMillis = new AtomicLong();
    private final NotificationListener listener = this::onNotification;

    private GcPauseMeter() {
    }

    /** Starts counting pauses now. */
    public static GcPauseMeter start() {
        GcPauseMeter meter = new GcPauseMeter();
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (isConcurrent(bean.getName())) {
                continue;
            }
            meter.collectors.add(bean.getName());
            if (bean instanceof NotificationEmitter) {
                NotificationEmitter emitter = (NotificationEmitter) bean;
                emitter.addNotificationListener(meter.listener, null, null);
                meter.emitters.add(emitter);
            }
        }
        return meter;
    }

    private static boolean isConcurrent(String collectorName) {
        return collectorName.contains("Concurrent") || collectorName.contains("Cycles");
    }

    private void onNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        if (isConcurrent(info.getGcName())) {
            return;
        }
        long ms = info.getGcInfo().getDuration();
        pauses.incrementAndGet();
        totalPauseMillis.addAndGet(ms);
        maxPauseMillis.accumulateAndGet(ms, Math::max);
    }

    /** The pauses seen so far; the JVM reports durations in whole ms, so µs values are multiples of 1000. */
    public io.pushbench.report.GcFigures figures(String scope) {
        return new io.pushbench.report.GcFigures(scope, collectors, pauses.get(),
                totalPauseMillis.get() * 1000, maxPauseMillis.get() * 1000);
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already removed: nothing to undo
            }
        }
    }
}
