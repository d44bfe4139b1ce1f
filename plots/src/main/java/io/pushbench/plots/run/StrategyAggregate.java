package io.pushbench.plots.run;

import io.pushbench.model.ByteCategory;
import io.pushbench.model.Strategy;
import io.pushbench.report.CategoryBytes;
import io.pushbench.report.ModelValue;
import io.pushbench.report.NetworkBytes;
import io.pushbench.report.StrategyResult;
import io.pushbench.report.WorkloadPoint;
import org.HdrHistogram.Histogram;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One strategy's figures at one sweep point, summed over the run's repeats: what the per-strategy charts
 * draw.
 *
 * <p>Per-delivery figures are ratios of sums ({@code Σ bytes / Σ delivered}), exact for any number of
 * repeats; latency histograms are merged losslessly. A repeat-by-repeat view is {@code compare}'s job.
 *
 * @param strategy        the strategy
 * @param sweepValue      the sweep point as given (e.g. {@code "500ms"}), or {@code null} without a sweep
 * @param workload        the workload in effect (of the first repeat; repeats share it)
 * @param repeats         results summed
 * @param delivered       deliveries of the window's messages
 * @param receivedInWindow deliveries received during the measured window: the denominator of every
 *                        per-delivery figure, as in the report ({@code deliveriesPerSec × window}; equal to
 *                        {@code delivered} when the system keeps up)
 * @param requests        HTTP requests sent
 * @param emptyResponses  responses that delivered nothing
 * @param upBytes         application bytes client → server, by category
 * @param downBytes       application bytes server → client, by category
 * @param tcpIpUpBytes    TCP/IP header bytes client → server (kernel segments × header size), empty when not measured
 * @param tcpIpDownBytes  the same, server → client
 * @param serverCpuMicros server CPU, µs, empty when unavailable
 * @param clientCpuMicros load-generator CPU, µs
 * @param latencyMicros   delivery latency from the scheduled publish time, µs, merged over repeats
 * @param model           the analytic model's values (of the first repeat: the model depends only on the workload)
 * @param verdict         the worst verdict of the summed results
 */
public record StrategyAggregate(
        Strategy strategy,
        String sweepValue,
        WorkloadPoint workload,
        int repeats,
        long delivered,
        long receivedInWindow,
        long requests,
        long emptyResponses,
        Map<ByteCategory, Long> upBytes,
        Map<ByteCategory, Long> downBytes,
        Optional<Long> tcpIpUpBytes,
        Optional<Long> tcpIpDownBytes,
        Optional<Long> serverCpuMicros,
        long clientCpuMicros,
        Histogram latencyMicros,
        List<ModelValue> model,
        io.pushbench.report.RunVerdict verdict) {

    /**
     * Sums results of one strategy and sweep point.
     *
     * @param results one or more results, all of the same strategy and sweep point
     * @throws IllegalArgumentException when empty or mixed
     */
    public static StrategyAggregate of(List<StrategyResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("nothing to aggregate");
        }
        StrategyResult first = results.get(0);
        Map<ByteCategory, Long> up = new EnumMap<>(ByteCategory.class);
        Map<ByteCategory, Long> down = new EnumMap<>(ByteCategory.class);
        Histogram latency = null;
        long delivered = 0;
        long received = 0;
        long requests = 0;
        long empty = 0;
        Long tcpUp = 0L;
        Long tcpDown = 0L;
        Long serverCpu = 0L;
        long clientCpu = 0;
        io.pushbench.report.RunVerdict verdict = io.pushbench.report.RunVerdict.VALID;
        for (StrategyResult r : results) {
            if (r.strategy() != first.strategy() || !java.util.Objects.equals(r.sweepValue(), first.sweepValue())) {
                throw new IllegalArgumentException("results of different strategies or sweep points cannot be summed");
            }
            delivered += r.delivery().delivered();
            received += Math.round(r.delivery().deliveriesPerSec() * r.measuredWindowMicros() / 1e6);
            requests += r.requests().requests();
            empty += r.requests().emptyResponses();
            add(up, r.applicationBytes().up());
            add(down, r.applicationBytes().down());
            NetworkBytes net = r.networkBytes();
            if (tcpUp != null && net != null && net.available() && net.upBytes() != null && net.upTcpPayloadBytes() != null
                    && net.downBytes() != null && net.downTcpPayloadBytes() != null) {
                tcpUp += net.upBytes() - net.upTcpPayloadBytes();
                tcpDown += net.downBytes() - net.downTcpPayloadBytes();
            } else {
                tcpUp = null;
                tcpDown = null;
            }
            serverCpu = serverCpu == null || r.cpu().serverCpuMicros() == null ? null : serverCpu + r.cpu().serverCpuMicros();
            clientCpu += r.cpu().clientCpuMicros();
            Histogram h = r.latency().fromScheduled().decode();
            if (latency == null) {
                latency = h;
            } else {
                latency.add(h);
            }
            verdict = verdict.worse(r.validity().verdict());
        }
        return new StrategyAggregate(first.strategy(), first.sweepValue(), first.workload(), results.size(),
                delivered, received, requests, empty, up, down, Optional.ofNullable(tcpUp), Optional.ofNullable(tcpDown),
                Optional.ofNullable(serverCpu), clientCpu, latency, first.model(), verdict);
    }

    /** {@code value / receivedInWindow}, the report's per-delivery figure, or empty when nothing was received. */
    public Optional<Double> perDelivery(double value) {
        return receivedInWindow == 0 ? Optional.empty() : Optional.of(value / receivedInWindow);
    }

    /** All application bytes of one direction, summed over categories. */
    public long totalBytes(Map<ByteCategory, Long> byCategory) {
        return byCategory.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The model's value of a metric (e.g. {@code requestsPerDelivery}), when the model has one. */
    public Optional<ModelValue> modelValue(String metric) {
        return model.stream().filter(m -> m.metric().equals(metric)).findFirst();
    }

    private static void add(Map<ByteCategory, Long> sum, CategoryBytes bytes) {
        for (ByteCategory c : ByteCategory.values()) {
            sum.merge(c, bytes.get(c), Long::sum);
        }
    }
}
