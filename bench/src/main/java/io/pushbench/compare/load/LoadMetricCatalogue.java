package io.pushbench.compare.load;

import io.pushbench.compare.run.MetricDefinition;
import io.pushbench.compare.run.MetricSamples;
import io.pushbench.compare.run.Subject;
import io.pushbench.report.RecordedHistogram;
import io.pushbench.report.StrategyResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * The metrics of a load report, per strategy and sweep point, one sample per repeat.
 *
 * <table>
 *   <caption>metrics</caption>
 *   <tr><th>id</th><th>unit</th><th>better</th><th>kind</th><th>from</th></tr>
 *   <tr><td>latency.p50, .p90, .p99, .p99.9, .max</td><td>us</td><td>smaller</td><td>timing</td>
 *       <td>the embedded delivery-latency histogram (from the scheduled publish time), decoded</td></tr>
 *   <tr><td>bytes.up.per-msg, bytes.down.per-msg</td><td>B/msg</td><td>smaller</td><td>exact count</td>
 *       <td>application bytes per delivered message</td></tr>
 *   <tr><td>requests.per-msg</td><td>req/msg</td><td>smaller</td><td>exact count</td><td>HTTP requests per delivered message</td></tr>
 *   <tr><td>network.bytes.per-msg</td><td>B/msg</td><td>smaller</td><td>timing</td>
 *       <td>kernel-counted bytes incl. TCP/IP headers and ACKs (ACK timing varies, so not an exact count)</td></tr>
 *   <tr><td>cpu.server.us-per-msg, cpu.client.us-per-msg</td><td>us/msg</td><td>smaller</td><td>timing</td><td>CPU time per delivered message</td></tr>
 *   <tr><td>deliveries.per-sec</td><td>msg/s</td><td>bigger</td><td>timing</td><td>deliveries in the measured window per second</td></tr>
 * </table>
 *
 * <p>A metric a result does not have (no deliveries, network bytes unavailable, an empty histogram) is
 * left out for that repeat; a metric no repeat has is left out.
 */
public final class LoadMetricCatalogue {

    private static final List<Percentile> PERCENTILES = List.of(new Percentile("latency.p50", 50),
            new Percentile("latency.p90", 90), new Percentile("latency.p99", 99), new Percentile("latency.p99.9", 99.9),
            new Percentile("latency.max", 100));

    private static final List<Figure> FIGURES = List.of(
            new Figure(MetricDefinition.smallerCount("bytes.up.per-msg", "B/msg"), r -> r.applicationBytes().upBytesPerDelivery()),
            new Figure(MetricDefinition.smallerCount("bytes.down.per-msg", "B/msg"),
                    r -> r.applicationBytes().downBytesPerDelivery()),
            new Figure(MetricDefinition.smallerCount("requests.per-msg", "req/msg"), r -> r.requests().requestsPerDelivery()),
            new Figure(MetricDefinition.smallerTiming("network.bytes.per-msg", "B/msg"),
                    r -> r.networkBytes() != null && r.networkBytes().available() ? r.networkBytes().bytesPerDelivery() : null),
            new Figure(MetricDefinition.smallerTiming("cpu.server.us-per-msg", "us/msg"), r -> r.cpu().serverCpuMicrosPerDelivery()),
            new Figure(MetricDefinition.smallerTiming("cpu.client.us-per-msg", "us/msg"), r -> r.cpu().clientCpuMicrosPerDelivery()),
            new Figure(MetricDefinition.biggerTiming("deliveries.per-sec", "msg/s"), r -> r.delivery().deliveriesPerSec()));

    private LoadMetricCatalogue() {
    }

    /** Every metric id this catalogue produces, in table order. */
    public static List<String> metricIds() {
        List<String> ids = new ArrayList<>();
        PERCENTILES.forEach(p -> ids.add(p.id()));
        FIGURES.forEach(f -> ids.add(f.metric().id()));
        return ids;
    }

    /** The subject of a result: its strategy, and its sweep point when the run has a sweep. */
    public static Subject subjectOf(StrategyResult r) {
        Map<String, String> point = r.sweepParameter() == null ? Map.of() : Map.of(r.sweepParameter(), r.sweepValue());
        return new Subject(r.strategy().label(), r.strategy().label(), point);
    }

    /**
     * The samples of every metric of every subject, subjects in run order, repeats in repeat order.
     *
     * @throws IllegalStateException when an embedded histogram cannot be decoded
     */
    public static List<MetricSamples> metrics(List<StrategyResult> results) {
        Map<Subject, List<StrategyResult>> repeats = new LinkedHashMap<>();
        for (StrategyResult r : results) {
            repeats.computeIfAbsent(subjectOf(r), s -> new ArrayList<>()).add(r);
        }
        List<MetricSamples> out = new ArrayList<>();
        repeats.forEach((subject, group) -> {
            group.sort(Comparator.comparingInt(StrategyResult::repeatIndex));
            List<Histogram> latencies = group.stream().map(LoadMetricCatalogue::deliveryLatency)
                    .filter(Objects::nonNull).toList();
            for (Percentile p : PERCENTILES) {
                List<Double> values = latencies.stream().map(h -> (double) (p.percent() == 100 ? h.getMaxValue()
                        : h.getValueAtPercentile(p.percent()))).toList();
                add(out, subject, MetricDefinition.smallerTiming(p.id(), "us"), values);
            }
            for (Figure f : FIGURES) {
                List<Double> values = group.stream().map(f.value()).filter(v -> v != null && Double.isFinite(v)).toList();
                add(out, subject, f.metric(), values);
            }
        });
        return out;
    }

    private static Histogram deliveryLatency(StrategyResult r) {
        RecordedHistogram recorded = r.latency() == null ? null : r.latency().fromScheduled();
        if (recorded == null || recorded.count() == 0) {
            return null;
        }
        return recorded.decode();
    }

    private static void add(List<MetricSamples> out, Subject subject, MetricDefinition metric, List<Double> values) {
        if (!values.isEmpty()) {
            out.add(new MetricSamples(subject, metric, values));
        }
    }

    private record Percentile(String id, double percent) {
    }

    private record Figure(MetricDefinition metric, Function<StrategyResult, Double> value) {
    }
}
