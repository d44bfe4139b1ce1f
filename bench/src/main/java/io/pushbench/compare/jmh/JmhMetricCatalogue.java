package io.pushbench.compare.jmh;

import io.pushbench.compare.jmh.JmhBenchmarkResult.JmhMetric;
import io.pushbench.compare.run.MetricDefinition;
import io.pushbench.compare.run.MetricSamples;
import io.pushbench.compare.run.Subject;
import io.pushbench.model.Strategy;
import io.pushbench.report.compare.BetterWhen;
import io.pushbench.report.compare.MetricKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of JMH results, per benchmark and parameter set, one sample per measurement iteration:
 * <ul>
 *   <li>{@code score}: the primary metric in its unit; bigger is better in throughput mode
 *       ({@code thrpt}), smaller otherwise; a timing;</li>
 *   <li>{@code score.p50}, {@code score.p99}: in sample-time mode, each iteration's nearest-rank
 *       percentile of its sampled times;</li>
 *   <li>every secondary metric by its JMH name (aux counters such as {@code appBytesDownPerOp}, profiler
 *       figures such as {@code ·gc.alloc.rate.norm}): per-operation counts ({@code B/op}, {@code #/op})
 *       are exact counts, the rest timings; bigger is better only for {@code ops/…} units.</li>
 * </ul>
 */
public final class JmhMetricCatalogue {

    /** The id of the primary metric. */
    public static final String SCORE = "score";

    private JmhMetricCatalogue() {
    }

    /** Every metric of every benchmark entry, in file order. */
    public static List<MetricSamples> metrics(List<JmhBenchmarkResult> results) {
        Map<String, Integer> modesPerEntry = new HashMap<>();
        for (JmhBenchmarkResult r : results) {
            modesPerEntry.merge(r.benchmark() + r.params(), 1, Integer::sum);
        }
        List<MetricSamples> out = new ArrayList<>();
        for (JmhBenchmarkResult r : results) {
            boolean severalModes = modesPerEntry.get(r.benchmark() + r.params()) > 1;
            Subject subject = subject(r, severalModes);
            JmhMetric primary = r.primary();
            BetterWhen scoreBetter = "thrpt".equals(r.mode()) ? BetterWhen.BIGGER : BetterWhen.SMALLER;
            add(out, subject, new MetricDefinition(SCORE, primary.unit(), scoreBetter, MetricKind.TIMING),
                    primary.iterationValues());
            if (!primary.iterationHistograms().isEmpty()) {
                add(out, subject, MetricDefinition.smallerTiming("score.p50", primary.unit()),
                        percentiles(primary.iterationHistograms(), 0.50));
                add(out, subject, MetricDefinition.smallerTiming("score.p99", primary.unit()),
                        percentiles(primary.iterationHistograms(), 0.99));
            }
            r.secondaries().forEach((name, metric) -> add(out, subject, secondary(name, metric.unit()),
                    metric.iterationValues()));
        }
        return out;
    }

    /** How a secondary metric is read, from its unit. */
    static MetricDefinition secondary(String name, String unit) {
        BetterWhen better = unit.startsWith("ops/") ? BetterWhen.BIGGER : BetterWhen.SMALLER;
        MetricKind kind = unit.equals("B/op") || unit.equals("#/op") ? MetricKind.EXACT_COUNT : MetricKind.TIMING;
        return new MetricDefinition(name, unit, better, kind);
    }

    private static Subject subject(JmhBenchmarkResult r, boolean severalModes) {
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
        return new Subject(r.shortName(), strategy, parameters);
    }

    private static void add(List<MetricSamples> out, Subject subject, MetricDefinition metric, List<Double> values) {
        if (!values.isEmpty()) {
            out.add(new MetricSamples(subject, metric, values));
        }
    }

    /** Each iteration's nearest-rank percentile: the smallest value whose cumulative count reaches q · total. */
    static List<Double> percentiles(List<List<double[]>> histograms, double q) {
        List<Double> out = new ArrayList<>();
        for (List<double[]> pairs : histograms) {
            List<double[]> sorted = new ArrayList<>(pairs);
            sorted.sort(Comparator.comparingDouble(p -> p[0]));
            double total = sorted.stream().mapToDouble(p -> p[1]).sum();
            double wanted = Math.max(1, Math.ceil(q * total));
            double seen = 0;
            for (double[] p : sorted) {
                seen += p[1];
                if (seen >= wanted) {
                    out.add(p[0]);
                    break;
                }
            }
        }
        return out;
    }
}
