package io.pushbench.report.claims;

/**
 * One measured figure of a claim, with the analytic model's value where there is one.
 *
 * @param point        what was measured, e.g. {@code poll, minimal headers, loopback, rate 2/s}
 * @param metric       e.g. {@code requestsPerDelivery}, {@code medianLatencyMicros}
 * @param unit         e.g. {@code ratio}, {@code us}, {@code bytes}
 * @param measured     the run's figure (null when the run could not measure it)
 * @param model        the model's figure, or null
 * @param modelFormula the model's formula, or null
 */
public record ClaimFigure(String point, String metric, String unit, Double measured, Double model, String modelFormula) {

    /** measured / model, or null. */
    public Double ratio() {
        return measured == null || model == null || model == 0 ? null : measured / model;
    }
}
