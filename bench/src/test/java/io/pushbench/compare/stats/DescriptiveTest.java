package io.pushbench.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DescriptiveTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Descriptive.median(new double[] {3, 1, 2})).isEqualTo(2.0);
        assertThat(Descriptive.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Descriptive.median(new double[0])).isNaN();
    }

    @Test
    void coefficientOfVariationUsesTheSampleStandardDeviation() {
        // mean 5, sample sd sqrt(32/7) = 2.138 (the classic 2,4,4,4,5,5,7,9 example has population sd 2)
        double[] v = {2, 4, 4, 4, 5, 5, 7, 9};
        assertThat(Descriptive.standardDeviation(v)).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
        assertThat(Descriptive.coefficientOfVariationPercent(v)).isCloseTo(100 * Math.sqrt(32.0 / 7) / 5, within(1e-12));
        assertThat(Descriptive.coefficientOfVariationPercent(new double[] {1})).isNaN();
    }
}
