package io.pushbench.compare.history;

import io.pushbench.compare.MetricGate;
import io.pushbench.compare.MetricVerdicts;
import io.pushbench.compare.run.MeasuredRun;
import io.pushbench.compare.run.MetricSamples;
import io.pushbench.compare.run.Subject;
import io.pushbench.compare.stats.Descriptive;
import io.pushbench.report.compare.ComparisonReport;
import io.pushbench.report.compare.HistoryPoint;
import io.pushbench.report.compare.HistoryReport;
import io.pushbench.report.compare.MetricComparison;
import io.pushbench.report.compare.MetricSeries;
import io.pushbench.report.compare.RunInfo;
import io.pushbench.report.compare.Thresholds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the history of every selected metric across runs: one series per configuration, subject and
 * metric, each point tested against the previous one with the same rule as {@code compare}
 * ({@link MetricVerdicts}), so a step is marked exactly when {@code compare} of those two runs would
 * have called the change better or worse.
 *
 * <p>Runs of different configurations never share a series: when the folder holds several
 * configurations, each series carries a {@code config} parameter, the first 8 hex digits of a SHA-256
 * of the configuration, so series of different workloads are told apart.
 */
public final class HistoryBuilder {

    private final Thresholds thresholds;
    private final MetricGate selection;

    /**
     * A builder deciding steps by {@code thresholds} and keeping the metrics whose ids match {@code metricPatterns}.
     *
     * @param metricPatterns metric id patterns as for {@link MetricGate}; {@code *} keeps all
     */
    public HistoryBuilder(Thresholds thresholds, List<String> metricPatterns) {
        this.thresholds = thresholds;
        this.selection = new MetricGate(metricPatterns);
    }

    /** The history of the runs, which must be in history order. */
    public HistoryReport build(String folder, RunCollection collection) {
        Map<String, String> configLabels = configurationLabels(collection.runs());
        boolean labelled = configLabels.values().stream().distinct().count() > 1;
        Map<String, SeriesBuilder> series = new LinkedHashMap<>();
        for (MeasuredRun run : collection.runs()) {
            String config = configLabels.get(run.info().source());
            for (MetricSamples samples : run.metrics()) {
                if (!selection.gates(samples.metric().id())) {
                    continue;
                }
                Subject subject = samples.subject();
                if (labelled) {
                    Map<String, String> parameters = new TreeMap<>(subject.parameters());
                    parameters.put("config", config);
                    subject = new Subject(subject.name(), subject.strategy(), parameters);
                }
                String key = run.kind() + "|" + config + "|" + subject.display() + "|" + samples.metric().id();
                series.computeIfAbsent(key, k -> new SeriesBuilder()).add(run.info(),
                        new MetricSamples(subject, samples.metric(), samples.values()));
            }
        }
        List<MetricSeries> out = series.values().stream().map(SeriesBuilder::build).toList();
        List<RunInfo> runs = collection.runs().stream().map(MeasuredRun::info).toList();
        return new HistoryReport(ComparisonReport.SCHEMA_VERSION, folder, thresholds, runs, collection.skipped(), out);
    }

    /** Source path → short digest of the run's kind and configuration. */
    private static Map<String, String> configurationLabels(List<MeasuredRun> runs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (MeasuredRun run : runs) {
            out.put(run.info().source(), digest(run.kind() + run.configuration()));
        }
        return out;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Collects one series' points, testing each against the one before. */
    private final class SeriesBuilder {
        private final List<HistoryPoint> points = new ArrayList<>();
        private MetricSamples first;
        private MetricSamples previous;

        void add(RunInfo run, MetricSamples samples) {
            double median = Descriptive.median(samples.valuesArray());
            if (previous == null) {
                first = samples;
                points.add(new HistoryPoint(run.runId(), run.commit(), run.startTime(), median, samples.values(), null, null, null));
            } else {
                MetricComparison step = MetricVerdicts.decide(previous, samples, thresholds, false);
                points.add(new HistoryPoint(run.runId(), run.commit(), run.startTime(), median, samples.values(),
                        step.changePercent(), step.pValue(), step.verdict()));
            }
            previous = samples;
        }

        MetricSeries build() {
            Subject s = first.subject();
            return new MetricSeries(s.display(), s.strategy(), s.parameters(), first.metric().id(), first.metric().unit(),
                    first.metric().betterWhen(), first.metric().kind(), points);
        }
    }
}
