package io.pushbench.bench.jmh.counters;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns every {@code @AuxCounters(EVENTS)} total of an iteration into a per-operation figure:
 * {@code appBytesDown} becomes {@code appBytesDownPerOp} in B/op, {@code requests} becomes
 * {@code requestsPerOp} in #/op.
 *
 * <p>Why a profiler: JMH sums EVENTS counters over iterations (and forks), so a counter can carry a
 * total but never a per-op value. A profiler sees each iteration's counters and its operation count, so
 * it can divide, as JMH's own GC profiler does for {@code gc.alloc.rate.norm}; the result is averaged
 * over iterations with an error bar. Typical use: {@code java -jar benchmarks.jar FanOut -prof
 * io.pushbench.bench.jmh.counters.PerOpProfiler} (the {@code pushbench jmh} wrapper always adds it).
 */
public class PerOpProfiler implements InternalProfiler {
    /** Suffix of every figure this profiler adds. */
    public static final String PER_OP_SUFFIX = "PerOp";
    /** JMH's unit for EVENTS counters. */
    private static final String EVENTS_UNIT = "#";

    @Override
    public String getDescription() {
        return "pushbench: per-operation values (B/op, #/op) of the @AuxCounters(EVENTS) totals";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        // nothing to start: the counters live in the benchmark's own state
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams,
                                                       IterationResult result) {
        long ops = result.getMetadata().getAllOps();
        List<Result> perOp = new ArrayList<>();
        for (Map.Entry<String, Result> e : result.getSecondaryResults().entrySet()) {
            Result counter = e.getValue();
            if (EVENTS_UNIT.equals(counter.getScoreUnit()) && !e.getKey().endsWith(PER_OP_SUFFIX)) {
                double value = ops == 0 ? Double.NaN : counter.getScore() / ops;
                perOp.add(new ScalarResult(e.getKey() + PER_OP_SUFFIX, value, unitPerOp(e.getKey()), AggregationPolicy.AVG));
            }
        }
        return perOp;
    }

    /** B/op for byte counters (named {@code ...Bytes...}), #/op for counts. */
    static String unitPerOp(String counterName) {
        return counterName.contains("Bytes") ? "B/op" : "#/op";
    }
}
