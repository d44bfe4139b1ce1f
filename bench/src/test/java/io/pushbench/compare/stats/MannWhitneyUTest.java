package io.pushbench.compare.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pushbench.compare.stats.MannWhitneyU.MannWhitneyResult;
import io.pushbench.compare.stats.MannWhitneyU.Method;
import org.junit.jupiter.api.Test;

/**
 * Reference values come from scipy 1.17.1 ({@code scipy.stats.mannwhitneyu} and, for the exact test
 * with ties, {@code scipy.stats.permutation_test(..., permutation_type='independent',
 * n_resamples=np.inf)} with U as statistic), run on this machine; the first example is the one in
 * scipy's own documentation of {@code mannwhitneyu} (ages of male and female students).
 */
class MannWhitneyUTest {

    private static final double[] MALES = {19, 22, 16, 29, 24};
    private static final double[] FEMALES = {20, 11, 17, 12};

    @Test
    void scipyDocumentationExampleExact() {
        MannWhitneyResult r = MannWhitneyU.test(MALES, FEMALES);
        assertThat(r.u1()).isEqualTo(17.0);
        assertThat(r.pValue()).isCloseTo(0.1111111111111111, within(1e-12));
        assertThat(r.method()).isEqualTo(Method.EXACT);
    }

    @Test
    void scipyDocumentationExampleAsymptotic() {
        MannWhitneyResult r = MannWhitneyU.test(MALES, FEMALES, 0);
        assertThat(r.pValue()).isCloseTo(0.11134688653314041, within(1e-12));
        assertThat(r.method()).isEqualTo(Method.NORMAL_APPROXIMATION);
    }

    @Test
    void completeSeparationOfFiveAgainstFiveGivesTwoOver252() {
        MannWhitneyResult r = MannWhitneyU.test(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});
        assertThat(r.u1()).isEqualTo(0.0);
        assertThat(r.pValue()).isCloseTo(2.0 / 252, within(1e-15)).isCloseTo(0.007936507936507936, within(1e-15));
        // and the other way round, the same
        assertThat(MannWhitneyU.test(new double[] {6, 7, 8, 9, 10}, new double[] {1, 2, 3, 4, 5}).pValue())
                .isCloseTo(2.0 / 252, within(1e-15));
    }

    @Test
    void exactTestWithTiesMatchesTheFullPermutationDistribution() {
        double[] x = {1, 2, 2, 3, 5};
        double[] y = {2, 3, 4, 4, 6, 7};
        MannWhitneyResult r = MannWhitneyU.test(x, y);
        assertThat(r.u1()).isEqualTo(6.5);
        assertThat(r.method()).isEqualTo(Method.EXACT_WITH_TIES);
        assertThat(r.pValue()).isCloseTo(0.12554112554112554, within(1e-12));
        // the tie-corrected normal approximation on the same data (scipy method='asymptotic')
        assertThat(MannWhitneyU.test(x, y, 0).pValue()).isCloseTo(0.13862587987892763, within(1e-12));
    }

    @Test
    void largeSamplesWithTiesUseTheTieCorrectedNormalApproximation() {
        // integers drawn by numpy default_rng(7): round(normal(100, 10)) x 40 and round(normal(104, 10)) x 35
        double[] a = {100, 103, 97, 91, 95, 90, 101, 113, 95, 94, 105, 104, 101, 91, 100, 107, 87, 95, 81, 87,
            82, 98, 87, 103, 102, 98, 75, 95, 100, 101, 85, 95, 90, 92, 111, 92, 100, 109, 94, 99};
        double[] b = {105, 105, 92, 105, 118, 89, 113, 105, 98, 124, 112, 92, 105, 110, 102, 111, 103, 111, 118,
            97, 106, 99, 105, 92, 98, 102, 113, 115, 91, 96, 110, 84, 99, 103, 117};
        MannWhitneyResult r = MannWhitneyU.test(a, b);
        assertThat(r.method()).isEqualTo(Method.NORMAL_APPROXIMATION);
        assertThat(r.u1()).isEqualTo(363.5);
        assertThat(r.pValue()).isCloseTo(0.0003538280397780872, within(1e-13));
    }

    @Test
    void identicalSamplesGivePValueOne() {
        double[] same = {5, 5, 5, 5, 5};
        assertThat(MannWhitneyU.test(same, same.clone()).pValue()).isEqualTo(1.0);
        assertThat(MannWhitneyU.test(same, same.clone(), 0).pValue()).isEqualTo(1.0);
    }

    @Test
    void smallestPossiblePValueIsTwoOverTheNumberOfArrangements() {
        assertThat(MannWhitneyU.smallestPossiblePValue(5, 5)).isCloseTo(0.0079365, within(1e-7));
        assertThat(MannWhitneyU.smallestPossiblePValue(4, 4)).isCloseTo(2.0 / 70, within(1e-15));
        assertThat(MannWhitneyU.smallestPossiblePValue(3, 3)).isCloseTo(0.1, within(1e-15));
        assertThat(MannWhitneyU.smallestPossiblePValue(2, 2)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(MannWhitneyU.smallestPossiblePValue(1, 1)).isEqualTo(1.0);
    }

    @Test
    void rejectsEmptyAndNonFiniteSamples() {
        assertThatThrownBy(() -> MannWhitneyU.test(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one value");
        assertThatThrownBy(() -> MannWhitneyU.test(new double[] {Double.NaN}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a finite number");
    }
}
