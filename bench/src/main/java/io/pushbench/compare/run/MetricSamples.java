package io.pushbench.compare.run;

import java.util.List;

/**
 * The values of one metric of one subject in one run: one per repeat (load) or per measurement
 * iteration (JMH).
 *
 * @param subject what was measured
 * @param metric which metric
 * @param values the values in run order, finite, at least one
 */
public record MetricSamples(Subject subject, MetricDefinition metric, List<Double> values) {

    public MetricSamples {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(subject + " " + metric.id() + ": no values");
        }
    }

    /** The values as an array, for the statistics. */
    public double[] valuesArray() {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The key two runs' samples are matched by: subject and metric id. */
    public String key() {
        return subject.display() + " " + metric.id();
    }
}
