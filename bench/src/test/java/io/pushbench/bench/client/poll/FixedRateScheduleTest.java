package io.pushbench.bench.client.poll;

import io.pushbench.bench.client.shortpoll.FixedRateSchedule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FixedRateScheduleTest {

    @Test
    void keepsAFixedGridWhateverTheResponseTime() {
        FixedRateSchedule s = new FixedRateSchedule(1000);
        s.requestSent(0);
        assertThat(s.delayBeforeNextNanos(30)).isEqualTo(970);
        s.requestSent(1000);
        assertThat(s.delayBeforeNextNanos(1900)).isEqualTo(100);
        s.requestSent(2000);
        assertThat(s.delayBeforeNextNanos(3500)).isZero(); // late: at once
        s.requestSent(3500);                               // still on the grid: next slot 4000
        assertThat(s.delayBeforeNextNanos(3600)).isEqualTo(400);
    }

    @Test
    void restartsTheGridAfterMissingAWholeInterval() {
        FixedRateSchedule s = new FixedRateSchedule(1000);
        s.requestSent(0);
        s.requestSent(5000);
        assertThat(s.delayBeforeNextNanos(5000)).isEqualTo(1000);
    }
}
