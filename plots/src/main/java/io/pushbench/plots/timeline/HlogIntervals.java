package io.pushbench.plots.timeline;

import io.pushbench.plots.PlotInputException;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the delivery-latency intervals of a run's {@code .hlog}: the untagged interval histograms
 * (values µs; the other histograms of the log are tagged and skipped).
 */
public final class HlogIntervals {

    /**
     * One logged interval.
     *
     * @param startSec   interval start, seconds since the log's start time (the measured window's start)
     * @param endSec     interval end, seconds since the same
     * @param deliveries deliveries recorded in the interval
     * @param p99Micros  99th percentile of their latency, µs (0 when none)
     */
    public record Interval(double startSec, double endSec, long deliveries, long p99Micros) {

        /** Deliveries per second over the interval (0 for an empty or zero-length interval). */
        public double deliveriesPerSec() {
            return endSec > startSec ? deliveries / (endSec - startSec) : 0;
        }
    }

    private HlogIntervals() {
    }

    /**
     * Reads every untagged interval, in log order.
     *
     * @throws PlotInputException when the file is missing or is not an HdrHistogram log
     */
    public static List<Interval> read(Path hlog) throws PlotInputException {
        HistogramLogReader reader;
        try {
            reader = new HistogramLogReader(hlog.toFile());
        } catch (FileNotFoundException e) {
            throw new PlotInputException("no such interval log: " + hlog);
        }
        List<Interval> intervals = new ArrayList<>();
        try {
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                if (next.getTag() != null || !(next instanceof Histogram h)) {
                    continue;
                }
                double start = h.getStartTimeStamp() / 1000.0 - reader.getStartTimeSec();
                double end = h.getEndTimeStamp() / 1000.0 - reader.getStartTimeSec();
                intervals.add(new Interval(start, end, h.getTotalCount(),
                        h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(99)));
            }
        } catch (RuntimeException e) {
            throw new PlotInputException(hlog + " is not a readable HdrHistogram interval log: " + e.getMessage(), e);
        } finally {
            reader.close();
        }
        return intervals;
    }
}
