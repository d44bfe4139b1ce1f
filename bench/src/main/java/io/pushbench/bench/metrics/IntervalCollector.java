package io.pushbench.bench.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Takes the interval histograms of a run's recorders once a second, writes them to an HdrHistogram log
 * ({@code .hlog}), and sums the intervals of the measured window into the run's totals. The only reader of the
 * recorders: call {@link #collect} from one thread.
 *
 * <p>The log holds delivery latency from scheduled time untagged (what {@code HistogramLogProcessor} reads by
 * default) and the other histograms tagged {@code fromSend}, {@code publisherLag}, {@code connectTime} and
 * {@code loaderStall} (read them with its {@code -tag} option). Values are µs: run
 * {@code HistogramLogProcessor -i run.hlog -outputValueUnitRatio 1000} for milliseconds. Log times are seconds
 * since the start of the measured window; warm-up intervals are not logged.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (IntervalCollector c = new IntervalCollector(recorders, runFolder.resolve("ws.hlog"), windowStartNanos, epochMillis)) {
 *     every second: IntervalCollector.Interval i = c.collect(System.nanoTime(), inWindow);
 *     Histogram total = c.totalFromScheduled();
 * }
 * }</pre>
 */
public final class IntervalCollector implements Closeable {

    static final String TAG_FROM_SEND = "fromSend";
    static final String TAG_PUBLISHER_LAG = "publisherLag";
    static final String TAG_CONNECT = "connectTime";
    static final String TAG_STALL = "loaderStall";

    private final LatencyRecorders recorders;
    private final PrintStream out;
    private final HistogramLogWriter writer;
    private final long windowStartNanos;
    private final Histogram fromScheduled = MicrosRecorder.newHistogram();
    private final Histogram fromSend = MicrosRecorder.newHistogram();
    private final Histogram publisherLag = MicrosRecorder.newHistogram();
    private final Histogram connectTime = MicrosRecorder.newHistogram();
    private final Histogram loaderStall = MicrosRecorder.newHistogram();
    private long lastCollectNanos;

    /**
     * @param logFile          the {@code .hlog} file to write
     * @param windowStartNanos the measured window's start ({@link System#nanoTime()}); log times count from it
     * @param windowStartEpochMillis the same moment as wall-clock time, for the log's {@code StartTime}
     * @param firstIntervalStartNanos when the first interval begins (the recorders' creation)
     */
    public IntervalCollector(LatencyRecorders recorders, Path logFile, long windowStartNanos, long windowStartEpochMillis,
                             long firstIntervalStartNanos) throws FileNotFoundException {
        this.recorders = recorders;
        this.out = new PrintStream(logFile.toFile());
        this.writer = new HistogramLogWriter(out);
        this.windowStartNanos = windowStartNanos;
        this.lastCollectNanos = firstIntervalStartNanos;
        writer.outputLogFormatVersion();
        writer.outputComment("pushbench interval histograms; values in microseconds; times in s since the measured window's start");
        writer.outputStartTime(windowStartEpochMillis);
        writer.setBaseTime(windowStartEpochMillis);
        writer.outputLegend();
    }

    /**
     * Collects one interval ending now.
     *
     * @param nowNanos  {@link System#nanoTime()} now
     * @param inWindow  whether the interval belongs to the measured window (its histograms are added to the totals;
     *                  delivery latency, publisher lag and connect time are summed anyway, since they are recorded
     *                  only for window messages and for connections)
     * @return the interval's delivery-latency histogram, for progress lines and the timeline
     */
    public synchronized Histogram collect(long nowNanos, boolean inWindow) {
        Histogram latency = recorders.fromScheduled().intervalHistogram();
        Histogram send = recorders.fromSend().intervalHistogram();
        Histogram lag = recorders.publisherLag().intervalHistogram();
        Histogram connect = recorders.connectTime().intervalHistogram();
        Histogram stall = recorders.loaderStall().intervalHistogram();
        double startSec = (lastCollectNanos - windowStartNanos) / 1e9;
        double endSec = (nowNanos - windowStartNanos) / 1e9;
        if (endSec > 0) {
            // warm-up intervals are summed below but not logged: the log covers the window and the drain after it
            startSec = Math.max(0, startSec);
            log(latency, null, startSec, endSec);
            log(send, TAG_FROM_SEND, startSec, endSec);
            log(lag, TAG_PUBLISHER_LAG, startSec, endSec);
            log(connect, TAG_CONNECT, startSec, endSec);
            log(stall, TAG_STALL, startSec, endSec);
        }
        fromScheduled.add(latency);
        fromSend.add(send);
        publisherLag.add(lag);
        connectTime.add(connect);
        if (inWindow) {
            loaderStall.add(stall);
        }
        lastCollectNanos = nowNanos;
        return latency;
    }

    private void log(Histogram h, String tag, double startSec, double endSec) {
        h.setTag(tag);
        h.setStartTimeStamp(Math.round(startSec * 1000));
        h.setEndTimeStamp(Math.round(endSec * 1000));
        writer.outputIntervalHistogram(startSec, endSec, h, 1000.0);
    }

    public Histogram totalFromScheduled() {
        return fromScheduled;
    }

    public Histogram totalFromSend() {
        return fromSend;
    }

    public Histogram totalPublisherLag() {
        return publisherLag;
    }

    public Histogram totalConnectTime() {
        return connectTime;
    }

    public Histogram totalLoaderStall() {
        return loaderStall;
    }

    @Override
    public synchronized void close() {
        out.close();
    }
}
