package io.pushbench.report;

/**
 * An analytic expectation beside the measured value (formulas in {@code docs/metrics.md}).
 *
 * @param metric             what is compared, e.g. {@code "requestsPerSec"}, {@code "meanAddedLatencyMicros"},
 *                           {@code "emptyResponseShare"}, {@code "requestsPerDelivery"}
 * @param unit               the unit of both values, e.g. {@code "1/s"}, {@code "us"}, {@code "ratio"}
 * @param formula            the formula, in words, e.g. {@code "clients / interval"}
 * @param modelValue         the model's value
 * @param measuredValue      the measured value, or {@code null} when it could not be measured
 * @param measuredToModelRatio {@code measuredValue / modelValue}, or {@code null} when either is missing or the model is 0
 */
public record ModelValue(
        String metric,
        String unit,
        String formula,
        double modelValue,
        Double measuredValue,
        Double measuredToModelRatio) {

    /** A model value with its ratio computed. */
    public static ModelValue of(String metric, String unit, String formula, double modelValue, Double measuredValue) {
        Double ratio = measuredValue == null || modelValue == 0 ? null : measuredValue / modelValue;
        return new ModelValue(metric, unit, formula, modelValue, measuredValue, ratio);
    }
}
