package io.pushbench.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pushbench.compare.stats.HodgesLehmannShift.Shift;
import org.junit.jupiter.api.Test;

/**
 * Reference values derived independently in Python: the median of all pairwise differences with
 * numpy, and the Moses interval from the null distribution of U enumerated by brute force over
 * {@code itertools.combinations} (k = largest integer with P(U ≤ k−1) ≤ α/2; interval [D(k), D(mn+1−k)]).
 * For 5 vs 5 at 95% that is k = 3 (P(U ≤ 2) = 4/252), coverage 1 − 8/252 = 0.96825.
 */
class HodgesLehmannShiftTest {

    @Test
    void fiveAgainstFiveShiftAndMosesInterval() {
        Shift s = HodgesLehmannShift.estimate(new double[] {10.2, 9.8, 10.5, 10.1, 9.9},
                new double[] {12.1, 11.9, 12.6, 12.0, 12.3}, 0.95);
        assertThat(s.estimate()).isCloseTo(2.1, within(1e-12));
        assertThat(s.lower()).isCloseTo(1.6, within(1e-12));
        assertThat(s.upper()).isCloseTo(2.5, within(1e-12));
        assertThat(s.achievedConfidence()).isCloseTo(1 - 8.0 / 252, within(1e-12));
    }

    @Test
    void unequalSizesAtNinetyPercent() {
        Shift s = HodgesLehmannShift.estimate(new double[] {19, 22, 16, 29, 24}, new double[] {20, 11, 17, 12}, 0.90);
        assertThat(s.estimate()).isEqualTo(-7.0);
        assertThat(s.lower()).isEqualTo(-13.0);
        assertThat(s.upper()).isEqualTo(1.0);
        assertThat(s.achievedConfidence()).isCloseTo(0.9365079365079365, within(1e-12));
    }

    @Test
    void threeAgainstThreeIsTooSmallForANinetyFivePercentInterval() {
        Shift s = HodgesLehmannShift.estimate(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 0.95);
        assertThat(s.estimate()).isEqualTo(3.0);
        assertThat(s.hasInterval()).isFalse();
    }

    @Test
    void largeSamplesUseTheNormalApproximationForTheInterval() {
        double[] x = new double[40];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i] = i;
            y[i] = i + 10;
        }
        Shift s = HodgesLehmannShift.estimate(x, y, 0.95);
        assertThat(s.estimate()).isEqualTo(10.0);
        // C = 800 - 1.95996 * sqrt(1600 * 81 / 12) = 800 - 203.67 -> k = 596; D(596) and D(1005) of the
        // 1600 differences y_j - x_i = 10 + (j - i), whose counts per value are 40 - |j - i|
        assertThat(s.lower()).isLessThan(10.0).isGreaterThan(0.0);
        assertThat(s.upper()).isGreaterThan(10.0).isLessThan(20.0);
        assertThat(s.upper() - 10.0).isEqualTo(10.0 - s.lower());
        assertThat(s.achievedConfidence()).isBetween(0.95, 0.96);
    }
}
