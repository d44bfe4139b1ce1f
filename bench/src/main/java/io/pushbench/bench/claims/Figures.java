package io.pushbench.bench.claims;

import io.pushbench.report.StrategyResult;

import java.util.LinkedHashMap;
import java.util.Map;

/** The names of the figures an observation holds, and how they are read from a run report's result. */
public final class Figures {

    public static final String REQUESTS_PER_DELIVERY = "requestsPerDelivery";
    public static final String EMPTY_RESPONSE_SHARE = "emptyResponseShare";
    public static final String UP_BYTES_PER_DELIVERY = "upBytesPerDelivery";
    public static final String DOWN_BYTES_PER_DELIVERY = "downBytesPerDelivery";
    /** Network bytes (TCP payload and IP/TCP headers, both ways) per delivery; application bytes where unavailable. */
    public static final String WIRE_BYTES_PER_DELIVERY = "wireBytesPerDelivery";
    public static final String MEDIAN_LATENCY_MICROS = "medianLatencyMicros";
    public static final String SERVER_CPU_MICROS_PER_DELIVERY = "serverCpuMicrosPerDelivery";
    /** Heap and direct memory per connection. */
    public static final String MEMORY_BYTES_PER_CONNECTION = "memoryBytesPerConnection";
    public static final String DELIVERED = "delivered";
    /** Median of the broker hop (publish accepted by an instance to received by an instance), µs. */
    public static final String BROKER_HOP_P50_MICROS = "brokerHopP50Micros";

    private Figures() {
    }

    /** The figures of one strategy result; those the run could not measure are left out. */
    public static Map<String, Double> of(StrategyResult r) {
        Map<String, Double> f = new LinkedHashMap<>();
        put(f, REQUESTS_PER_DELIVERY, r.requests().requestsPerDelivery());
        put(f, EMPTY_RESPONSE_SHARE, r.requests().emptyResponseShare());
        put(f, UP_BYTES_PER_DELIVERY, r.applicationBytes().upBytesPerDelivery());
        put(f, DOWN_BYTES_PER_DELIVERY, r.applicationBytes().downBytesPerDelivery());
        Double wire = r.networkBytes() != null && r.networkBytes().available() ? r.networkBytes().bytesPerDelivery() : null;
        if (wire == null && r.applicationBytes().upBytesPerDelivery() != null && r.applicationBytes().downBytesPerDelivery() != null) {
            wire = r.applicationBytes().upBytesPerDelivery() + r.applicationBytes().downBytesPerDelivery();
        }
        put(f, WIRE_BYTES_PER_DELIVERY, wire);
        if (r.latency() != null && r.latency().fromScheduled() != null && r.latency().fromScheduled().count() > 0) {
            f.put(MEDIAN_LATENCY_MICROS, (double) r.latency().fromScheduled().p50Micros());
        }
        if (r.cpu() != null) {
            put(f, SERVER_CPU_MICROS_PER_DELIVERY, r.cpu().serverCpuMicrosPerDelivery());
        }
        if (r.memory() != null && r.memory().available() && r.memory().heapBytesPerConnection() != null) {
            double direct = r.memory().directBytesPerConnection() == null ? 0 : r.memory().directBytesPerConnection();
            f.put(MEMORY_BYTES_PER_CONNECTION, r.memory().heapBytesPerConnection() + direct);
        }
        f.put(DELIVERED, (double) r.delivery().delivered());
        if (r.broker() != null && r.broker().hopP50Micros() >= 0) {
            f.put(BROKER_HOP_P50_MICROS, (double) r.broker().hopP50Micros());
        }
        return f;
    }

    private static void put(Map<String, Double> f, String name, Double value) {
        if (value != null && !value.isNaN()) {
            f.put(name, value);
        }
    }
}
