/**
 * Running the benchmarks: the {@code quick}, {@code full} and {@code heavy} profiles and the
 * {@code pushbench jmh} command, which runs a profile (or a named subset) through JMH's runner and
 * writes JMH's JSON into {@code results/<run-id>/jmh.json} with the run's provenance beside it.
 */
package io.pushbench.bench.jmh.run;
