package io.pushbench.bench.workload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PublishScheduleTest {

    @Test
    void fixedScheduleSpacesEachTopicEvenlyAndPhaseShiftsTopics() {
        PublishSchedule s = new PublishSchedule(4, 2.0, Arrivals.FIXED, 1);   // 8 msg/s in all
        long[] times = new long[12];
        int[] topics = new int[12];
        for (int i = 0; i < 12; i++) {
            times[i] = s.nextNanos();
            topics[i] = s.nextTopic();
            s.advance();
        }
        assertThat(times[0]).isZero();
        assertThat(times[1]).isEqualTo(125_000_000L);
        assertThat(times[8]).isEqualTo(1_000_000_000L);
        assertThat(topics).containsExactly(0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3);
        assertThat(times[4] - times[0]).isEqualTo(500_000_000L);   // each topic: every 1/rate s
    }

    @Test
    void fixedScheduleDoesNotDriftOverAMillionMessages() {
        PublishSchedule s = new PublishSchedule(1, 3.0, Arrivals.FIXED, 1);
        for (int i = 0; i < 3_000_000; i++) {
            s.advance();
        }
        assertThat(s.nextNanos()).isEqualTo(1_000_000L * 1_000_000_000L);
    }

    @Test
    void poissonScheduleHasTheMeanRateAndIsReproducibleFromTheSeed() {
        PublishSchedule a = new PublishSchedule(10, 100.0, Arrivals.POISSON, 42);
        PublishSchedule b = new PublishSchedule(10, 100.0, Arrivals.POISSON, 42);
        int n = 100_000;
        int[] perTopic = new int[10];
        for (int i = 0; i < n; i++) {
            assertThat(a.nextNanos()).isEqualTo(b.nextNanos());
            perTopic[a.nextTopic()]++;
            a.advance();
            b.advance();
        }
        // n exponential gaps of mean 1 ms: the sum is within 1% (about 3 standard deviations) of 100 s
        assertThat(a.nextNanos() / 1e9).isCloseTo(100.0, within(1.0));
        for (int count : perTopic) {
            assertThat(count).isBetween(9_600, 10_400);   // binomial(1e5, 0.1): sd 95, bound ~4 sd
        }
    }
}
