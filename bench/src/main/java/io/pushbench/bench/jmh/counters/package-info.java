/**
 * Bytes and requests per benchmark operation, carried in JMH's own result JSON.
 *
 * <p>Benchmarks add to {@code @AuxCounters(EVENTS)} states ({@link io.pushbench.bench.jmh.counters.CodecBytesCounter},
 * {@link io.pushbench.bench.jmh.counters.DeliveryCounters}); JMH reports EVENTS counters as totals over the
 * measured iterations. {@link io.pushbench.bench.jmh.counters.PerOpProfiler} turns each total into a per-operation
 * figure ({@code appBytesDownPerOp} and so on) the same way JMH's GC profiler normalises allocation to B/op.
 */
package io.pushbench.bench.jmh.counters;
