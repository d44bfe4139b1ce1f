package io.pushbench.bench.workload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishWindowTest {

    @Test
    void inWindowIsOneExactlyFromTheStartUpToButExcludingTheEnd() {
        PublishScheduler.Window w = new PublishScheduler.Window(1_000, 5_000, 9_000);
        long[] instants = {Long.MIN_VALUE + 1, -1, 0, 1_000, 4_998, 4_999, 5_000, 5_001, 7_000, 8_999, 9_000, 9_001,
                Long.MAX_VALUE - 1};
        for (long t : instants) {
            assertThat(w.inWindow(t)).as("instant %d", t).isEqualTo(t >= 5_000 && t < 9_000 ? 1 : 0);
            assertThat(w.contains(t)).as("instant %d", t).isEqualTo(t >= 5_000 && t < 9_000);
        }
        assertThat(w.inWindow(5_000)).isEqualTo(1);
        assertThat(w.inWindow(8_999)).isEqualTo(1);
        assertThat(w.inWindow(4_999)).isZero();
        assertThat(w.inWindow(9_000)).isZero();
    }

    @Test
    void inWindowFollowsNanoTimeAcrossItsOverflow() {
        // System.nanoTime() may be near Long.MAX_VALUE and wrap: instants compare by their difference, as contains does
        long start = Long.MAX_VALUE - 1_000;
        PublishScheduler.Window w = new PublishScheduler.Window(start - 5_000, start, start + 2_000);   // end wraps
        assertThat(w.inWindow(start - 1)).isZero();
        assertThat(w.inWindow(start)).isEqualTo(1);
        assertThat(w.inWindow(Long.MAX_VALUE)).isEqualTo(1);
        assertThat(w.inWindow(Long.MIN_VALUE)).isEqualTo(1);
        assertThat(w.inWindow(start + 1_999)).isEqualTo(1);
        assertThat(w.inWindow(start + 2_000)).isZero();
        for (long t = start - 3_000; t != start + 4_000; t += 250) {
            long sinceStart = t - start;     // exact across the wrap
            assertThat(w.inWindow(t)).as("instant %d", t).isEqualTo(sinceStart >= 0 && sinceStart < 2_000 ? 1 : 0);
            assertThat(w.contains(t)).as("instant %d", t).isEqualTo(sinceStart >= 0 && sinceStart < 2_000);
        }
    }
}
