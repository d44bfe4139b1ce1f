package io.pushbench.report.compare;

import java.util.List;
import java.util.Map;

/**
 * One metric of one subject across runs, in history order (commit order, then start time).
 *
 * @param subject what was measured (see {@link MetricComparison#subject()})
 * @param strategy the strategy label; null when none
 * @param parameters the sweep point or JMH parameters; empty when none
 * @param metric the metric id
 * @param unit the unit of every value
 * @param betterWhen which way is better
 * @param kind exact count or timing
 * @param points one per run that has this metric
 */
public record MetricSeries(String subject, String strategy, Map<String, String> parameters, String metric,
                           String unit, BetterWhen betterWhen, MetricKind kind, List<HistoryPoint> points) {

    public MetricSeries {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        points = List.copyOf(points);
    }
}
