package io.pushbench.bench.run;

import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;

/**
 * One strategy run of a plan: a strategy at one sweep point in one repeat.
 *
 * @param index          0-based position in the run
 * @param strategy       the strategy
 * @param sweepParameter the swept parameter's label, or null
 * @param sweepValue     this point's value as given, or null
 * @param repeatIndex    1-based repeat
 * @param workload       the workload with the sweep value applied
 */
public record RunPoint(int index, Strategy strategy, String sweepParameter, String sweepValue, int repeatIndex,
                       WorkloadParameters workload) {

    /** For progress lines: {@code ws}, {@code poll interval=1s}, {@code sse #2}. */
    public String label(int repeats) {
        StringBuilder sb = new StringBuilder(strategy.label());
        if (sweepParameter != null) {
            sb.append(' ').append(sweepParameter).append('=').append(sweepValue);
        }
        if (repeats > 1) {
            sb.append(" #").append(repeatIndex);
        }
        return sb.toString();
    }

    /** The interval log's file name: {@code ws.hlog}, {@code poll-interval-1s-r2.hlog}. */
    public String hlogFileName(int repeats) {
        StringBuilder sb = new StringBuilder(strategy.label());
        if (sweepParameter != null) {
            sb.append('-').append(sweepParameter).append('-').append(sweepValue.replaceAll("[^A-Za-z0-9.]", "_"));
        }
        if (repeats > 1) {
            sb.append("-r").append(repeatIndex);
        }
        return sb.append(".hlog").toString();
    }
}
