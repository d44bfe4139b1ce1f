package io.pushbench.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values from scipy 1.17.1 ({@code scipy.stats.norm.sf} and {@code norm.ppf}). */
class StandardNormalTest {

    @Test
    void upperTailMatchesScipyFromTheCentreFarIntoTheTail() {
        assertThat(StandardNormal.upperTail(0)).isCloseTo(0.5, within(1e-15));
        assertThat(StandardNormal.upperTail(0.5)).isCloseTo(0.3085375387259869, within(1e-15));
        assertThat(StandardNormal.upperTail(1.959963984540054)).isCloseTo(0.025, within(1e-15));
        assertRelative(StandardNormal.upperTail(3), 0.0013498980316300933);
        assertRelative(StandardNormal.upperTail(6), 9.865876450376946e-10);
        assertRelative(StandardNormal.upperTail(10), 7.61985302416047e-24);
        assertRelative(StandardNormal.upperTail(30), 4.906713927147908e-198);
        assertThat(StandardNormal.upperTail(-2)).isCloseTo(0.9772498680518208, within(1e-15));
    }

    @Test
    void quantileInvertsTheDistribution() {
        assertThat(StandardNormal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-12));
        assertThat(StandardNormal.quantile(0.995)).isCloseTo(2.5758293035489004, within(1e-12));
        assertThat(StandardNormal.quantile(0.5)).isCloseTo(0.0, within(1e-12));
        assertThat(StandardNormal.quantile(0.001)).isCloseTo(-3.090232306167813, within(1e-12));
    }

    private static void assertRelative(double actual, double expected) {
        assertThat(Math.abs(actual - expected) / expected).isLessThan(1e-12);
    }
}
