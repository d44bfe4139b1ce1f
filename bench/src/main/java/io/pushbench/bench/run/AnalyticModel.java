package io.pushbench.bench.run;

import io.pushbench.bench.workload.Arrivals;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.report.ModelValue;

import java.util.ArrayList;
import java.util.List;

/**
 * The analytic expectations printed beside the measurements (formulas and assumptions in {@code docs/metrics.md}).
 * Each client's topic receives {@code r} messages per second (the per-topic rate); {@code T} is the poll interval,
 * {@code H} the long-poll hold.
 */
public final class AnalyticModel {

    private AnalyticModel() {
    }

    /** The measured values the model is compared with. */
    public record Measured(double requestsPerSec, Double emptyResponseShare, Double requestsPerDelivery,
                           Double meanLatencyMicros, Double downPayloadBytesPerDelivery) {
    }

    /** Model values for one strategy under one workload, with measured/model ratios. */
    public static List<ModelValue> values(Strategy strategy, WorkloadParameters w, Measured m) {
        List<ModelValue> values = new ArrayList<>();
        double r = w.publishRatePerSec();
        boolean poisson = w.arrivals() == Arrivals.POISSON;
        switch (strategy) {
            case SHORT_POLLING: {
                double t = w.pollInterval().toNanos() / 1e9;
                values.add(ModelValue.of("requestsPerSec", "1/s", "clients / interval", w.clients() / t,
                        m.requestsPerSec()));
                values.add(ModelValue.of("meanAddedLatencyMicros", "us", "interval / 2", t / 2 * 1e6,
                        m.meanLatencyMicros()));
                double rt = r * t;
                values.add(poisson
                        ? ModelValue.of("emptyResponseShare", "ratio", "exp(-rate x interval)", Math.exp(-rt),
                                m.emptyResponseShare())
                        : ModelValue.of("emptyResponseShare", "ratio", "max(0, 1 - rate x interval)", Math.max(0, 1 - rt),
                                m.emptyResponseShare()));
                values.add(ModelValue.of("requestsPerDelivery", "ratio", "1 / (rate x interval)", 1 / rt,
                        m.requestsPerDelivery()));
                break;
            }
            case LONG_POLLING: {
                double h = w.longPollHold().toNanos() / 1e9;
                double rh = r * h;
                // no batching: one answer per message, plus the hold timeouts between messages
                values.add(poisson
                        ? ModelValue.of("requestsPerDelivery", "ratio",
                                "1 / (1 - exp(-rate x hold)) without batching; < model when batching", 1 / (1 - Math.exp(-rh)),
                                m.requestsPerDelivery())
                        : ModelValue.of("requestsPerDelivery", "ratio",
                                "ceil(1 / (rate x hold)) without batching; < model when batching", Math.ceil(1 / rh),
                                m.requestsPerDelivery()));
                values.add(poisson
                        ? ModelValue.of("emptyResponseShare", "ratio", "exp(-rate x hold)", Math.exp(-rh),
                                m.emptyResponseShare())
                        : ModelValue.of("emptyResponseShare", "ratio", "1 - 1 / ceil(1 / (rate x hold))",
                                1 - 1 / Math.ceil(1 / rh), m.emptyResponseShare()));
                break;
            }
            default:
                values.add(ModelValue.of("requestsPerSec", "1/s", "0 (one request per connection, made before the window)",
                        0, m.requestsPerSec()));
                break;
        }
        values.add(ModelValue.of("downPayloadBytesPerDelivery", "bytes", "payload size", w.payloadBytes(),
                m.downPayloadBytesPerDelivery()));
        return values;
    }
}
