package io.pushbench.bench.run;

import io.pushbench.bench.workload.Arrivals;
import io.pushbench.bench.workload.TopicMode;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;

import java.time.Duration;
import java.util.List;

/** Small, quick workloads for integration tests: tens of clients, seconds. */
final class SmallRuns {

    private SmallRuns() {
    }

    static WorkloadParameters workload(int clients, TopicMode topics, double rate, Arrivals arrivals,
                                       Duration pollInterval, Duration duration) {
        return new WorkloadParameters(clients, topics, rate, arrivals, 64, pollInterval, Duration.ofSeconds(30), 0,
                Duration.ofSeconds(1), duration, 7);
    }

    /** Settings with generous validity bounds: these tests check counts, not the speed of a shared CI machine. */
    static RunSettings settings(List<Strategy> strategies, WorkloadParameters w) {
        return new RunSettings(strategies, w, null, null, 1, 5_000_000, 5_000_000, 2, 2, false, 2);
    }
}
