package io.pushbench.bench.client.shortpoll;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The short-polling grid, driven with explicit clock readings (interval 1000 ns). */
class FixedRateScheduleTest {
    private static final long INTERVAL = 1000;

    @Test
    void keepsAFixedGridWhateverTheResponseTime() {
        FixedRateSchedule s = new FixedRateSchedule(INTERVAL, 0);
        s.requestSent(0);
        assertThat(s.delayBeforeNextNanos(30)).isEqualTo(970);
        s.requestSent(1000);
        assertThat(s.delayBeforeNextNanos(1900)).isEqualTo(100);
        s.requestSent(2000);
        assertThat(s.delayBeforeNextNanos(3500)).isZero(); // late: at once
        s.requestSent(3500);                               // takes the 3000 point; the grid stays
        assertThat(s.delayBeforeNextNanos(3600)).isEqualTo(400);
    }

    @Test
    void aLateConnectDoesNotShiftTheGridAnchoredAtTheScheduledStart() {
        FixedRateSchedule s = new FixedRateSchedule(INTERVAL, 0); // scheduled start 0, connected only at 700
        s.requestSent(700);
        assertThat(s.delayBeforeNextNanos(750)).isEqualTo(250); // next at 1000, not at 1700
        s.requestSent(1000);
        assertThat(s.delayBeforeNextNanos(1010)).isEqualTo(990);
    }

    @Test
    void aSlowFirstAnswerDoesNotShiftLaterPolls() {
        FixedRateSchedule s = new FixedRateSchedule(INTERVAL, 0);
        s.requestSent(10);
        assertThat(s.delayBeforeNextNanos(1500)).isZero(); // the 1000 point passed while waiting: at once
        s.requestSent(1500);
        assertThat(s.delayBeforeNextNanos(1550)).isEqualTo(450); // back on the grid at 2000
    }

    @Test
    void skipsMissedGridPointsWithoutACatchUpBurst() {
        FixedRateSchedule s = new FixedRateSchedule(INTERVAL, 0);
        s.requestSent(0);
        assertThat(s.delayBeforeNextNanos(5200)).isZero(); // 1000..5000 missed: one request at once
        s.requestSent(5200);
        assertThat(s.delayBeforeNextNanos(5200)).isEqualTo(800); // then 6000, not 2000, 3000, ...
    }

    @Test
    void keepsTheClientsPhaseWithinTheInterval() {
        FixedRateSchedule s = new FixedRateSchedule(INTERVAL, 250); // ramp-up put this client 250 ns after the start
        s.requestSent(400);
        assertThat(s.delayBeforeNextNanos(500)).isEqualTo(750); // next at 1250
        s.requestSent(1250);
        assertThat(s.delayBeforeNextNanos(1300)).isEqualTo(950); // then 2250
    }

    @Test
    void aTimerFiringAHairEarlyStillTakesTheNextPoint() {
        FixedRateSchedule s = new FixedRateSchedule(INTERVAL, 0);
        s.requestSent(0);
        s.requestSent(999);
        assertThat(s.delayBeforeNextNanos(1000)).isEqualTo(1000); // next at 2000: one request per point
    }

    @Test
    void aReconnectionPollsAtOnceThenFollowsTheSameGrid() {
        FixedRateSchedule next = new FixedRateSchedule(INTERVAL, 0); // a new connection of the same client
        next.requestSent(3700);
        assertThat(next.delayBeforeNextNanos(3710)).isEqualTo(290);
    }
}
