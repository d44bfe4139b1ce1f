package io.pushbench.bench.run;

import io.pushbench.report.StrategyResult;

/** Receives the run's progress once a second (the CLI prints it as a live line). Called from the run's thread. */
public interface RunProgress {

    /**
     * One second of a strategy run.
     *
     * @param runLabel         e.g. {@code "ws"} or {@code "poll interval=1s #2"}
     * @param phase            {@code connecting}, {@code warm-up}, {@code measuring} or {@code draining}
     * @param elapsedSec       seconds since this strategy run started
     * @param connectedClients clients connected now
     * @param clients          clients in the run
     * @param deliveriesPerSec deliveries in the last second
     * @param p99MicrosSoFar   p99 delivery latency (from scheduled time) of the window so far, µs (0 before it)
     * @param errors           client errors so far
     */
    record Sample(String runLabel, String phase, long elapsedSec, int connectedClients, int clients,
                  long deliveriesPerSec, long p99MicrosSoFar, long errors) {
    }

    void second(Sample sample);

    /** A strategy run finished. */
    void finished(StrategyResult result);

    /** Ignores everything. */
    RunProgress NONE = new RunProgress() {
        @Override
        public void second(Sample sample) {
        }

        @Override
        public void finished(StrategyResult result) {
        }
    };
}
