package io.pushbench.compare;

import io.pushbench.compare.run.MeasuredRun;
import io.pushbench.compare.run.MetricSamples;
import io.pushbench.report.compare.ComparisonReport;
import io.pushbench.report.compare.Difference;
import io.pushbench.report.compare.MetricComparison;
import io.pushbench.report.compare.Outcome;
import io.pushbench.report.compare.Thresholds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares two runs of the same kind: refuses when their configurations differ (unless forced), notes
 * environment differences, decides every metric both runs have ({@link MetricVerdicts}) and sets the
 * outcome — a regression when a gated metric got significantly worse.
 *
 * <p>Typical use:
 * <pre>{@code
 * ComparisonReport r = new RunComparer(thresholds).compare(RunFiles.load(base), RunFiles.load(candidate), false);
 * System.exit(r.outcome().exitCode());
 * }</pre>
 */
public final class RunComparer {

    private final Thresholds thresholds;
    private final MetricGate gate;

    /** A comparer deciding by these thresholds and gating their {@code gatedMetrics}. */
    public RunComparer(Thresholds thresholds) {
        this.thresholds = thresholds;
        this.gate = new MetricGate(thresholds.gatedMetrics());
    }

    /**
     * Compares candidate against base.
     *
     * @param force compare even when the configurations differ (the differences stay in the result)
     * @throws IllegalArgumentException when the runs are of different kinds (a load report and a JMH result)
     */
    public ComparisonReport compare(MeasuredRun base, MeasuredRun candidate, boolean force) {
        if (!base.kind().equals(candidate.kind())) {
            throw new IllegalArgumentException("cannot compare a " + base.kind() + " result (" + base.info().source()
                    + ") with a " + candidate.kind() + " result (" + candidate.info().source() + ")");
        }
        List<Difference> configuration = SettingsDiff.between(base.configuration(), candidate.configuration());
        List<Difference> environment = SettingsDiff.between(base.environment(), candidate.environment());
        List<String> warnings = new ArrayList<>(base.warnings());
        warnings.addAll(candidate.warnings());
        if (!configuration.isEmpty() && !force) {
            return new ComparisonReport(ComparisonReport.SCHEMA_VERSION, base.kind(), base.info(), candidate.info(), thresholds,
                    configuration, false, environment, warnings, List.of(), List.of(), List.of(), Outcome.REFUSED, List.of());
        }
        Map<String, MetricSamples> candidates = new LinkedHashMap<>();
        candidate.metrics().forEach(m -> candidates.put(m.key(), m));
        List<MetricComparison> metrics = new ArrayList<>();
        List<String> onlyInBase = new ArrayList<>();
        for (MetricSamples b : base.metrics()) {
            MetricSamples c = candidates.remove(b.key());
            if (c == null) {
                onlyInBase.add(b.key());
            } else {
                metrics.add(MetricVerdicts.decide(b, c, thresholds, gate.gates(b.metric().id())));
            }
        }
        List<String> onlyInCandidate = new ArrayList<>(candidates.keySet());
        List<String> regressions = metrics.stream().filter(MetricComparison::failsGate).map(RunComparer::describe).toList();
        Outcome outcome = regressions.isEmpty() ? Outcome.PASS : Outcome.REGRESSION;
        return new ComparisonReport(ComparisonReport.SCHEMA_VERSION, base.kind(), base.info(), candidate.info(), thresholds,
                configuration, force && !configuration.isEmpty(), environment, warnings, metrics, onlyInBase, onlyInCandidate,
                outcome, regressions);
    }

    /** One line per regression: {@code ws latency.p99: 1002 -> 1214 us (+21.2%), p = 0.0079}. */
    static String describe(MetricComparison m) {
        String change = Numbers.percent(m.changePercent());
        String p = m.pValue() == null ? m.test() : String.format(Locale.ROOT, "p = %.4f", m.pValue());
        return String.format(Locale.ROOT, "%s %s: %s -> %s %s (%s), %s", m.subject(), m.metric(),
                Numbers.format(m.baseMedian()), Numbers.format(m.candidateMedian()), m.unit(), change, p);
    }
}
