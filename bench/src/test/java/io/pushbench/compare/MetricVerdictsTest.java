package io.pushbench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.compare.run.MetricDefinition;
import io.pushbench.compare.run.MetricSamples;
import io.pushbench.compare.run.Subject;
import io.pushbench.report.compare.MetricComparison;
import io.pushbench.report.compare.Thresholds;
import io.pushbench.report.compare.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricVerdictsTest {

    private static final Thresholds RULES = new Thresholds(0.05, 5, 1, List.of("*"));
    private static final Subject WS = new Subject("ws", "ws", Map.of());
    private static final MetricDefinition P99 = MetricDefinition.smallerTiming("latency.p99", "us");
    private static final MetricDefinition THROUGHPUT = MetricDefinition.biggerTiming("deliveries.per-sec", "msg/s");
    private static final MetricDefinition BYTES = MetricDefinition.smallerCount("bytes.down.per-msg", "B/msg");

    private static MetricComparison decide(MetricDefinition metric, List<Double> base, List<Double> candidate) {
        return MetricVerdicts.decide(new MetricSamples(WS, metric, base), new MetricSamples(WS, metric, candidate), RULES, true);
    }

    @Test
    void completeSeparationAboveTheMinimumEffectIsWorseForLatencyAndBetterForThroughput() {
        List<Double> low = List.of(100.0, 101.0, 99.0, 102.0, 98.0);
        List<Double> high = List.of(110.0, 111.0, 109.0, 112.0, 108.0);
        MetricComparison latency = decide(P99, low, high);
        assertThat(latency.verdict()).isEqualTo(Verdict.WORSE);
        assertThat(latency.pValue()).isEqualTo(2.0 / 252);
        assertThat(latency.shift()).isEqualTo(10.0);
        assertThat(latency.shiftPercent()).isEqualTo(10.0);
        assertThat(latency.shiftLower()).isNotNull();
        assertThat(decide(THROUGHPUT, low, high).verdict()).isEqualTo(Verdict.BETTER);
    }

    @Test
    void significantButSmallerThanTheMinimumEffectIsNoSignificantChange() {
        MetricComparison m = decide(P99, List.of(100.0, 100.1, 100.2, 100.3, 100.4), List.of(101.0, 101.1, 101.2, 101.3, 101.4));
        assertThat(m.pValue()).isLessThan(0.05);
        assertThat(m.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(m.reason()).contains("but shift +1.0% < 5%");
    }

    @Test
    void largeButNotSignificantIsNoSignificantChange() {
        MetricComparison m = decide(P99, List.of(100.0, 300.0, 120.0, 250.0, 90.0), List.of(130.0, 310.0, 95.0, 280.0, 150.0));
        assertThat(m.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(m.reason()).startsWith("p = ").contains("> 0.05");
    }

    @Test
    void twoAgainstTwoTimingsCannotReachSignificanceAndSaySo() {
        MetricComparison m = decide(P99, List.of(100.0, 101.0), List.of(200.0, 201.0));
        assertThat(m.verdict()).isEqualTo(Verdict.NOT_TESTED);
        assertThat(m.reason()).isEqualTo("2 vs 2 repeats: not tested (smallest possible p 0.333 > alpha 0.05)");
    }

    @Test
    void exactCountsWithTooFewRepeatsAreComparedDirectly() {
        assertThat(decide(BYTES, List.of(120.0, 120.0), List.of(132.0, 132.0)).verdict()).isEqualTo(Verdict.WORSE);
        MetricComparison small = decide(BYTES, List.of(120.0), List.of(120.6));
        assertThat(small.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(small.reason()).isEqualTo("exact count: +0.5% < 1%");
        assertThat(decide(BYTES, List.of(120.0), List.of(108.0)).verdict()).isEqualTo(Verdict.BETTER);
    }

    @Test
    void aCountRisingFromZeroIsWorseWithoutAPercentage() {
        MetricComparison m = decide(BYTES, List.of(0.0), List.of(3.0));
        assertThat(m.verdict()).isEqualTo(Verdict.WORSE);
        assertThat(m.changePercent()).isNull();
        assertThat(MetricVerdicts.relativePercent(0, 0)).isEqualTo(0.0);
    }

    @Test
    void noiseOnlyComparisonsAreRarelyCalledChanged() {
        // 400 comparisons of 5 vs 5 repeats drawn from one distribution with a 10% spread: the test's true
        // size at alpha 0.05 is 8/252 = 0.032 (discreteness) and the 5% minimum effect removes more
        Random random = new Random(5);
        int changed = 0;
        int significant = 0;
        for (int i = 0; i < 400; i++) {
            List<Double> a = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                a.add(1000 * (1 + 0.1 * random.nextGaussian()));
                b.add(1000 * (1 + 0.1 * random.nextGaussian()));
            }
            MetricComparison m = decide(P99, a, b);
            changed += m.verdict() == Verdict.NO_SIGNIFICANT_CHANGE ? 0 : 1;
            significant += m.pValue() <= 0.05 ? 1 : 0;
        }
        // expected 12.7 significant of 400 (sd 3.5); bounds at about +3 sd
        assertThat(significant).isBetween(2, 24);
        assertThat(changed).isLessThanOrEqualTo(significant);
    }

    @Test
    void aRealTwentyPercentShiftIsFoundNearlyAlwaysWithFiveRepeats() {
        Random random = new Random(6);
        int found = 0;
        for (int i = 0; i < 200; i++) {
            List<Double> a = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                a.add(1000 * (1 + 0.03 * random.nextGaussian()));
                b.add(1200 * (1 + 0.03 * random.nextGaussian()));
            }
            found += decide(P99, a, b).verdict() == Verdict.WORSE ? 1 : 0;
        }
        // with a 3% spread the samples almost never overlap, so p = 0.0079 nearly every time
        assertThat(found).isGreaterThanOrEqualTo(195);
    }
}
