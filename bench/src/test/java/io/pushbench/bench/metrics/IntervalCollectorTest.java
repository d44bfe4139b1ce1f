package io.pushbench.bench.metrics;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogProcessor;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalCollectorTest {

    @Test
    void logHoldsEachWindowIntervalAndTotalsSumThem(@TempDir Path dir) throws Exception {
        LatencyRecorders recorders = new LatencyRecorders(new MicrosRecorder(), new MicrosRecorder(),
                new MicrosRecorder(), new MicrosRecorder(), new MicrosRecorder());
        Path log = dir.resolve("ws.hlog");
        long t0 = 1_000_000_000_000L;
        long second = TimeUnit.SECONDS.toNanos(1);
        try (IntervalCollector c = new IntervalCollector(recorders, log, t0, 1_764_000_000_000L, t0 - second)) {
            recorders.loaderStall().record(99_999);             // warm-up: not in the totals, not logged
            c.collect(t0, false);
            for (int s = 1; s <= 3; s++) {
                for (int i = 0; i < 100 * s; i++) {
                    recorders.fromScheduled().record(1000 + i);
                }
                recorders.loaderStall().record(50);
                c.collect(t0 + s * second, true);
            }
            assertThat(c.totalFromScheduled().getTotalCount()).isEqualTo(600);
            assertThat(c.totalLoaderStall().getMaxValue()).isLessThan(1000);
        }

        HistogramLogReader reader = new HistogramLogReader(log.toString());
        long untagged = 0;
        int intervals = 0;
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
            if (h.getTag() == null) {
                untagged += ((Histogram) h).getTotalCount();
                intervals++;
            }
        }
        assertThat(intervals).isEqualTo(3);
        assertThat(untagged).isEqualTo(600);
    }

    @Test
    void hdrHistogramsOwnLogProcessorReadsTheLog(@TempDir Path dir) throws Exception {
        LatencyRecorders recorders = new LatencyRecorders(new MicrosRecorder(), new MicrosRecorder(),
                new MicrosRecorder(), new MicrosRecorder(), new MicrosRecorder());
        Path log = dir.resolve("poll.hlog");
        long t0 = System.nanoTime();
        try (IntervalCollector c = new IntervalCollector(recorders, log, t0, System.currentTimeMillis(), t0)) {
            for (int s = 1; s <= 2; s++) {
                for (int i = 1; i <= 1000; i++) {
                    recorders.fromScheduled().record(i * 100);
                }
                c.collect(t0 + s * 1_000_000_000L, true);
            }
        }
        Path out = dir.resolve("processed");
        new HistogramLogProcessor(new String[] {"-i", log.toString(), "-o", out.toString(),
                "-outputValueUnitRatio", "1000"}).run();

        List<String> perInterval = Files.readAllLines(out);
        String distribution = Files.readString(dir.resolve("processed.hgrm"));
        assertThat(perInterval).hasSizeGreaterThanOrEqualTo(3);
        assertThat(distribution).contains("#[Max     =      100.031, Total count    =         2000]");
    }
}
