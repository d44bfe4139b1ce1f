package io.pushbench.compare.jmh;

import io.pushbench.compare.run.MetricDefinition;
import io.pushbench.compare.run.MetricSamples;
import io.pushbench.compare.run.Subject;
import io.pushbench.model.Strategy;
import io.pushbench.report.compare.BetterWhen;
import io.pushbench.report.compare.MetricKind;
import io.pushbench.report.jmh.JmhMetric;
import io.pushbench.report.jmh.JmhResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of JMH results, per benchmark and parameter set, one sample per measurement iteration:
 * <ul>
 *   <li>{@code score}: the primary metric in its unit, per iteration from {@code rawData} (in
 *       sample-time mode the mean of each iteration's {@code rawDataHistogram}); bigger is better in
 *       throughput mode ({@code thrpt}), smaller otherwise; a timing;</li>
 *   <li>every secondary metric by its JMH name (aux counters such as {@code appBytesDownPerOp}, profiler
 *       figures such as {@code ·gc.alloc.rate.norm}, and in sample-time mode JMH's own per-iteration
 *       percentiles {@code p0.50}, {@code p0.99}, ...): per-operation counts ({@code B/op}, {@code #/op})
 *       are exact counts, the rest timings; bigger is better only for {@code ops/…} units; event
 *       totals (unit {@code #}) are left out.</li>
 * </ul>
 * Non-finite iteration values (JMH writes {@code "NaN"} when it has none) are left out.
 */
public final class JmhMetricCatalogue {

    /** The id of the primary metric. */
    public static final String SCORE = "score";
    /**
     * JMH's unit of an {@code @AuxCounters(EVENTS)} total. Such a total grows with the operations an
     * iteration happened to run, so it says nothing about the code; its per-operation form
     * ({@code B/op}, {@code #/op}) is compared instead.
     */
    private static final String EVENT_TOTAL_UNIT = "#";

    private JmhMetricCatalogue() {
    }

    /** Every metric of every benchmark entry, in file order. */
    public static List<MetricSamples> metrics(List<JmhResult> results) {
        Map<String, Integer> modesPerEntry = new HashMap<>();
        for (JmhResult r : results) {
            modesPerEntry.merge(r.benchmark() + r.params(), 1, Integer::sum);
        }
        List<MetricSamples> out = new ArrayList<>();
        for (JmhResult r : results) {
            boolean severalModes = modesPerEntry.get(r.benchmark() + r.params()) > 1;
            Subject subject = subject(r, severalModes);
            JmhMetric primary = r.primaryMetric();
            BetterWhen scoreBetter = "thrpt".equals(r.mode()) ? BetterWhen.BIGGER : BetterWhen.SMALLER;
            List<List<double[]>> histograms = iterationHistograms(primary);
            List<Double> scores = histograms.isEmpty() ? iterationValues(primary)
                    : histograms.stream().map(JmhMetricCatalogue::mean).toList();
            add(out, subject, new MetricDefinition(SCORE, primary.scoreUnit(), scoreBetter, MetricKind.TIMING), scores);
            r.secondaryMetrics().forEach((name, metric) -> {
                if (!EVENT_TOTAL_UNIT.equals(metric.scoreUnit())) {
                    add(out, subject, secondary(name, metric.scoreUnit()), iterationValues(metric));
                }
            });
        }
        return out;
    }

    /** The finite per-iteration values of {@code rawData}, forks one after another. */
    static List<Double> iterationValues(JmhMetric metric) {
        return metric.rawData().stream().flatMap(List::stream).filter(v -> v != null && Double.isFinite(v)).toList();
    }

    /** Sample-time mode: each iteration's (value, count) pairs with a positive total count, forks one after another. */
    static List<List<double[]>> iterationHistograms(JmhMetric metric) {
        List<List<double[]>> out = new ArrayList<>();
        for (List<List<List<Double>>> fork : metric.rawDataHistogram()) {
            for (List<List<Double>> iteration : fork) {
                List<double[]> pairs = iteration.stream().filter(p -> p.size() == 2 && p.get(0) != null && p.get(1) != null)
                        .map(p -> new double[] {p.get(0), p.get(1)}).toList();
                if (pairs.stream().mapToDouble(p -> p[1]).sum() > 0) {
                    out.add(pairs);
                }
            }
        }
        return out;
    }

    private static double mean(List<double[]> pairs) {
        double sum = 0;
        double count = 0;
        for (double[] p : pairs) {
            sum += p[0] * p[1];
            count += p[1];
        }
        return sum / count;
    }

    /** How a secondary metric is read, from its unit. */
    static MetricDefinition secondary(String name, String unit) {
        BetterWhen better = unit.startsWith("ops/") ? BetterWhen.BIGGER : BetterWhen.SMALLER;
        MetricKind kind = unit.equals("B/op") || unit.equals("#/op") ? MetricKind.EXACT_COUNT : MetricKind.TIMING;
        return new MetricDefinition(name, unit, better, kind);
    }

    private static Subject subject(JmhResult r, boolean severalModes) {
        Map<String, String> parameters = new LinkedHashMap<>(r.params());
        if (severalModes) {
            parameters.put("mode", r.mode());
        }
        String strategy = null;
        String given = r.params().get("strategy");
        if (given != null) {
            try {
                strategy = Strategy.fromLabel(given).label();
            } catch (IllegalArgumentException notAStrategy) {
                strategy = null;
            }
        }
        return new Subject(shortName(r), strategy, parameters);
    }

    /** The class and method without the package, e.g. {@code SseEventEncoderBenchmark.encode}. */
    static String shortName(JmhResult r) {
        String type = r.benchmarkClass();
        return type.substring(type.lastIndexOf('.') + 1) + "." + r.method();
    }

    private static void add(List<MetricSamples> out, Subject subject, MetricDefinition metric, List<Double> values) {
        if (!values.isEmpty()) {
            out.add(new MetricSamples(subject, metric, values));
        }
    }
}
