package io.pushbench.bench.metrics;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MicrosRecorderTest {

    @Test
    void valuesFromManyThreadsAreAllMergedOnce() throws InterruptedException {
        MicrosRecorder recorder = new MicrosRecorder();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 1; i <= 10_000; i++) {
                    recorder.record(i);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread t : threads) {
            t.join();
        }

        Histogram all = recorder.intervalHistogram();
        assertThat(all.getTotalCount()).isEqualTo(40_000);
        assertThat(all.getCountAtValue(500)).isEqualTo(4);   // exact below 2048 at 3 digits
        assertThat(recorder.intervalHistogram().getTotalCount()).isZero();
    }

    @Test
    void valuesBeyondOneHourAreClampedAndCounted() {
        MicrosRecorder recorder = new MicrosRecorder();
        recorder.record(MicrosRecorder.HIGHEST_TRACKABLE_MICROS * 2);
        recorder.record(-5);

        Histogram h = recorder.intervalHistogram();
        assertThat(h.getTotalCount()).isEqualTo(2);
        assertThat(h.getCountAtValue(0)).isEqualTo(1);
        assertThat(recorder.clampedCount()).isEqualTo(1);
    }
}
