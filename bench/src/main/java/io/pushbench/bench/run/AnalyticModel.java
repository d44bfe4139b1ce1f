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
 * {@code H} the long-poll hold, {@code RTT} the round trip between the clients and the server (0 on loopback, where
 * it is ~50 µs; {@code --network} sets it). A poll's answer reaches the client half a round trip after the server
 * wrote it; a long poll is dead for one round trip after each answer (the answer travels back, the next request
 * travels out), so messages published in that time wait for the next request.
 */
public final class AnalyticModel {

    private AnalyticModel() {
    }

    /** The measured values the model is compared with. */
    public record Measured(double requestsPerSec, Double emptyResponseShare, Double requestsPerDelivery,
                           Double meanLatencyMicros, Double downPayloadBytesPerDelivery) {
    }

    /** Model values for one strategy under one workload on loopback (round trip 0), with measured/model ratios. */
    public static List<ModelValue> values(Strategy strategy, WorkloadParameters w, Measured m) {
        return values(strategy, w, m, 0);
    }

    /**
     * The median delivery latency the model expects, µs: short polling {@code T/2 + RTT/2} (a message waits for the
     * next poll, uniform over the interval, then the answer's half round trip); long polling {@code RTT/2} when
     * messages are further apart than a round trip, else {@code RTT} (fixed arrivals: every message waits a
     * uniform part of the dead round trip); for Poisson arrivals the mean
     * {@code RTT/2 + r RTT^2 / (2 (1 + r RTT))} stands in for the median. Pushing strategies: {@code RTT/2}.
     *
     * @param roundTripMicros the round trip between clients and server, µs (0 on loopback)
     */
    public static double medianLatencyMicros(Strategy strategy, WorkloadParameters w, double roundTripMicros) {
        double r = w.publishRatePerSec();
        double rtt = roundTripMicros;
        switch (strategy) {
            case SHORT_POLLING:
                return w.pollInterval().toNanos() / 1e3 / 2 + rtt / 2;
            case LONG_POLLING:
                if (w.arrivals() == Arrivals.POISSON) {
                    double rRtt = r * rtt / 1e6;
                    return rtt / 2 + rRtt * rtt / (2 * (1 + rRtt));
                }
                return rtt / 1e6 <= 1 / r ? rtt / 2 : rtt;
            default:
                return rtt / 2;
        }
    }

    /**
     * Model values for one strategy under one workload across a round trip, with measured/model ratios.
     *
     * @param roundTripMicros the emulated round trip, µs; 0 on loopback
     */
    public static List<ModelValue> values(Strategy strategy, WorkloadParameters w, Measured m, double roundTripMicros) {
        List<ModelValue> values = new ArrayList<>();
        double r = w.publishRatePerSec();
        boolean poisson = w.arrivals() == Arrivals.POISSON;
        switch (strategy) {
            case SHORT_POLLING: {
                double t = w.pollInterval().toNanos() / 1e9;
                values.add(ModelValue.of("requestsPerSec", "1/s", "clients / interval", w.clients() / t,
                        m.requestsPerSec()));
                values.add(ModelValue.of("meanAddedLatencyMicros", "us", "interval / 2 + round trip / 2",
                        t / 2 * 1e6 + roundTripMicros / 2, m.meanLatencyMicros()));
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
                if (roundTripMicros > 0) {
                    // fixed arrivals: the median stands for the mean too (uniform wait in the dead round trip)
                    values.add(ModelValue.of("meanAddedLatencyMicros", "us", poisson
                                    ? "RTT/2 + rate x RTT^2 / (2 (1 + rate x RTT)) (one dead round trip per answer)"
                                    : "RTT/2 if messages are a round trip or more apart, else RTT (one dead round trip per answer)",
                            medianLatencyMicros(strategy, w, roundTripMicros), m.meanLatencyMicros()));
                }
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
