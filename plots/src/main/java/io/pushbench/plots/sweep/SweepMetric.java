package io.pushbench.plots.sweep;

import io.pushbench.plots.run.StrategyAggregate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a sweep chart draws against the swept parameter, with the analytic model's metric where the report
 * has one ({@code docs/metrics.md}).
 */
public enum SweepMetric {
    /** Application bytes up and down per delivered message. */
    BYTES("bytes", "Application bytes per delivered message (B)", null, 1,
            s -> s.perDelivery(s.totalBytes(s.upBytes()) + s.totalBytes(s.downBytes()))),
    /** HTTP requests per delivered message. */
    REQUESTS("requests", "HTTP requests per delivered message", "requestsPerDelivery", 1,
            s -> s.perDelivery(s.requests())),
    /** Share of requests answered empty. */
    EMPTY_SHARE("empty", "Empty responses (% of requests)", "emptyResponseShare", 100,
            s -> s.requests() == 0 ? Optional.empty() : Optional.of(100.0 * s.emptyResponses() / s.requests())),
    /** Mean delivery latency, beside the model's mean added latency. */
    MEAN_LATENCY("mean-latency", "Mean delivery latency (ms)", "meanAddedLatencyMicros", 0.001,
            s -> s.latencyMicros().getTotalCount() == 0 ? Optional.empty()
                    : Optional.of(s.latencyMicros().getMean() / 1000.0)),
    /** 99th percentile of delivery latency. */
    P99_LATENCY("p99-latency", "p99 delivery latency (ms)", null, 1,
            s -> s.latencyMicros().getTotalCount() == 0 ? Optional.empty()
                    : Optional.of(s.latencyMicros().getValueAtPercentile(99) / 1000.0)),
    /** Server CPU per delivered message. */
    CPU("cpu", "Server CPU per delivered message (µs)", null, 1,
            s -> s.serverCpuMicros().flatMap(s::perDelivery));

    private final String label;
    private final String axisTitle;
    private final String modelMetric;
    private final double modelScale;
    private final Function<StrategyAggregate, Optional<Double>> measured;

    SweepMetric(String label, String axisTitle, String modelMetric, double modelScale,
                Function<StrategyAggregate, Optional<Double>> measured) {
        this.label = label;
        this.axisTitle = axisTitle;
        this.modelMetric = modelMetric;
        this.modelScale = modelScale;
        this.measured = measured;
    }

    /** The command-line name, e.g. {@code requests}. */
    public String label() {
        return label;
    }

    /** The y-axis title, with the unit. */
    public String axisTitle() {
        return axisTitle;
    }

    /** The measured value at one sweep point, when there is one. */
    public Optional<Double> measured(StrategyAggregate s) {
        return measured.apply(s);
    }

    /** The model's value at one sweep point, in this metric's unit, when the report has one. */
    public Optional<Double> model(StrategyAggregate s) {
        if (modelMetric == null) {
            return Optional.empty();
        }
        return s.modelValue(modelMetric).map(m -> m.modelValue() * modelScale);
    }

    /**
     * The metric with this name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted names
     */
    public static SweepMetric fromLabel(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown sweep metric '" + text + "'; expected one of "
                        + Arrays.stream(values()).map(SweepMetric::label).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return label;
    }
}
