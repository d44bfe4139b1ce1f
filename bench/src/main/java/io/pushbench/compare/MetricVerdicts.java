package io.pushbench.compare;

import io.pushbench.compare.run.MetricDefinition;
import io.pushbench.compare.run.MetricSamples;
import io.pushbench.compare.stats.Descriptive;
import io.pushbench.compare.stats.HodgesLehmannShift;
import io.pushbench.compare.stats.HodgesLehmannShift.Shift;
import io.pushbench.compare.stats.MannWhitneyU;
import io.pushbench.compare.stats.MannWhitneyU.MannWhitneyResult;
import io.pushbench.report.compare.BetterWhen;
import io.pushbench.report.compare.MetricComparison;
import io.pushbench.report.compare.MetricKind;
import io.pushbench.report.compare.Thresholds;
import io.pushbench.report.compare.Verdict;
import java.util.Locale;

/**
 * Decides the verdict of one metric from its base and candidate samples.
 *
 * <ol>
 *   <li>Both sides have repeats enough for the test to reach α (2 / C(m+n, m) ≤ α, e.g. 4 vs 4 or
 *       more at α = 0.05): two-sided Mann–Whitney U test; the candidate is better or worse when
 *       p ≤ α <em>and</em> the Hodges–Lehmann shift is at least the minimum effect (relative to the
 *       base median). Otherwise no significant change.</li>
 *   <li>Too few repeats for the test: an exact count is compared directly — its medians differ by at
 *       least the minimum count effect or not — provided it really behaves as one: every repeat within
 *       half the minimum count effect of its side's median (a count that varies between repeats, like
 *       the polls a short poller happens to make, depends on timing and is not tested). A timing is not
 *       tested ("single run: not tested").</li>
 * </ol>
 */
public final class MetricVerdicts {

    private MetricVerdicts() {
    }

    /** Compares one metric; the samples must be of the same subject and metric. */
    public static MetricComparison decide(MetricSamples base, MetricSamples candidate, Thresholds thresholds, boolean gated) {
        MetricDefinition metric = base.metric();
        double[] b = base.valuesArray();
        double[] c = candidate.valuesArray();
        double baseMedian = Descriptive.median(b);
        double candidateMedian = Descriptive.median(c);
        Double change = relativePercent(candidateMedian - baseMedian, baseMedian);
        boolean exactCount = metric.kind() == MetricKind.EXACT_COUNT;
        double minEffect = exactCount ? thresholds.minCountEffectPercent() : thresholds.minEffectPercent();
        Decision d;
        double smallestP = MannWhitneyU.smallestPossiblePValue(b.length, c.length);
        if (b.length >= 2 && c.length >= 2 && smallestP <= thresholds.alpha()) {
            d = rankTest(b, c, baseMedian, metric.betterWhen(), thresholds, minEffect);
        } else if (exactCount && steady(b, baseMedian, minEffect) && steady(c, candidateMedian, minEffect)) {
            d = direct(candidateMedian - baseMedian, change, metric.betterWhen(), minEffect, b.length, c.length);
        } else if (exactCount) {
            d = Decision.notTested(String.format(Locale.ROOT,
                    "count varies between repeats: not tested (cv %.1f%% / %.1f%%, so it depends on timing)",
                    Descriptive.coefficientOfVariationPercent(b), Descriptive.coefficientOfVariationPercent(c)));
        } else if (b.length < 2 || c.length < 2) {
            d = Decision.notTested("single run: not tested");
        } else {
            d = Decision.notTested(String.format(Locale.ROOT,
                    "%d vs %d repeats: not tested (smallest possible p %.3f > alpha %s)", b.length, c.length, smallestP,
                    Numbers.plain(thresholds.alpha())));
        }
        return new MetricComparison(base.subject().display(), base.subject().strategy(), base.subject().parameters(),
                metric.id(), metric.unit(), metric.betterWhen(), metric.kind(), gated, base.values(), candidate.values(),
                baseMedian, candidateMedian, finiteOrNull(Descriptive.coefficientOfVariationPercent(b)),
                finiteOrNull(Descriptive.coefficientOfVariationPercent(c)), change, d.shift, d.lower, d.upper,
                d.confidence, d.shiftPercent, d.pValue, d.test, d.verdict, d.reason);
    }

    private static Decision rankTest(double[] b, double[] c, double baseMedian, BetterWhen better, Thresholds t,
                                     double minEffect) {
        MannWhitneyResult mw = MannWhitneyU.test(b, c);
        Shift shift = HodgesLehmannShift.estimate(b, c, t.confidence());
        Double shiftPercent = relativePercent(shift.estimate(), baseMedian);
        boolean significant = mw.pValue() <= t.alpha();
        boolean largeEnough = shift.estimate() != 0 && (shiftPercent == null || Math.abs(shiftPercent) >= minEffect);
        Verdict verdict;
        String reason;
        String p = String.format(Locale.ROOT, "p = %.4f", mw.pValue());
        if (significant && largeEnough) {
            verdict = direction(shift.estimate(), better);
            reason = p + " <= " + Numbers.plain(t.alpha()) + " and shift " + Numbers.percent(shiftPercent) + " >= " + Numbers.plain(minEffect) + "%";
        } else if (!significant) {
            verdict = Verdict.NO_SIGNIFICANT_CHANGE;
            reason = p + " > " + Numbers.plain(t.alpha());
        } else {
            verdict = Verdict.NO_SIGNIFICANT_CHANGE;
            reason = p + " <= " + Numbers.plain(t.alpha()) + " but shift " + Numbers.percent(shiftPercent) + " < " + Numbers.plain(minEffect) + "%";
        }
        Decision d = new Decision(verdict, reason, "Mann-Whitney U, " + mw.method().label(), mw.pValue());
        d.shift = shift.estimate();
        d.shiftPercent = shiftPercent;
        if (shift.hasInterval()) {
            d.lower = shift.lower();
            d.upper = shift.upper();
            d.confidence = shift.achievedConfidence();
        }
        return d;
    }

    private static Decision direct(double difference, Double change, BetterWhen better, double minEffect, int n1, int n2) {
        String test = n1 == 1 && n2 == 1 ? "exact count, single run" : "exact count, medians";
        if (difference == 0) {
            return new Decision(Verdict.NO_SIGNIFICANT_CHANGE, "exact count: equal", test, null);
        }
        if (change != null && Math.abs(change) < minEffect) {
            return new Decision(Verdict.NO_SIGNIFICANT_CHANGE,
                    "exact count: " + Numbers.percent(change) + " < " + Numbers.plain(minEffect) + "%", test, null);
        }
        Verdict v = direction(difference, better);
        return new Decision(v, "exact count: " + Numbers.percent(change) + " >= " + Numbers.plain(minEffect) + "%", test, null);
    }

    /** Whether every value lies within half the minimum effect (percent) of the median: a count that is really exact. */
    private static boolean steady(double[] values, double median, double minEffectPercent) {
        double tolerance = Math.abs(median) * minEffectPercent / 200;
        for (double v : values) {
            if (Math.abs(v - median) > tolerance) {
                return false;
            }
        }
        return true;
    }

    private static Verdict direction(double candidateMinusBase, BetterWhen better) {
        boolean up = candidateMinusBase > 0;
        return up == (better == BetterWhen.BIGGER) ? Verdict.BETTER : Verdict.WORSE;
    }

    /** 100 · delta / |base|; 0 when both are 0; null when only the base is 0 (an infinite change). */
    static Double relativePercent(double delta, double base) {
        if (base == 0) {
            return delta == 0 ? 0.0 : null;
        }
        return 100 * delta / Math.abs(base);
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The parts of a verdict, filled in as the decision goes. */
    private static final class Decision {
        final Verdict verdict;
        final String reason;
        final String test;
        final Double pValue;
        Double shift;
        Double lower;
        Double upper;
        Double confidence;
        Double shiftPercent;

        Decision(Verdict verdict, String reason, String test, Double pValue) {
            this.verdict = verdict;
            this.reason = reason;
            this.test = test;
            this.pValue = pValue;
        }

        static Decision notTested(String reason) {
            return new Decision(Verdict.NOT_TESTED, reason, "none", null);
        }
    }
}
