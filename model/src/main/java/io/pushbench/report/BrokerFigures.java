package io.pushbench.report;

import java.util.List;

/**
 * The broker between several server instances ({@code --server fork --instances N --broker URL}), over one strategy
 * run: what kind, what the hop cost, and what each instance did (docs/brokers.md).
 *
 * @param kind                 {@code redis}, {@code redis-streams}, {@code postgresql} (or {@code memory} for one instance)
 * @param url                  the broker URL as given (without the run's namespace)
 * @param instances            server instances the clients were spread over (round-robin)
 * @param publishTo            {@code one} (instance 1 takes every publish) or {@code all} (in turn)
 * @param hopCount             messages received by the instances over the strategy run, warm-up included (each
 *                             instance counts its own: published x instances when nothing was missed)
 * @param hopP50Micros         median of the hop latency of those: publish accepted by an instance to received by an
 *                             instance (wall clocks of one host), µs; -1 when none
 * @param hopP99Micros         99th percentile of the same, µs; -1 when none
 * @param hopMaxMicros         largest, µs; -1 when none
 * @param brokerCpuNanos       CPU time of the broker's process tree over the measured window (read when the window's
 *                             GC counting starts and ends), ns; -1 when not measured
 * @param brokerCpuMethod      how it was read ({@code /proc} of which pid, found how), or why it was not
 * @param instancesDelivered   messages all instances counted as delivered over the whole strategy run
 * @param clientsDelivered     messages all clients received over the whole strategy run (the two must be equal)
 * @param perInstance          each instance's own counts over the whole strategy run
 * @param faults               the faults injected, and what each cost; empty when none
 */
public record BrokerFigures(String kind, String url, int instances, String publishTo, long hopCount, long hopP50Micros,
                            long hopP99Micros, long hopMaxMicros, long brokerCpuNanos, String brokerCpuMethod,
                            long instancesDelivered, long clientsDelivered, List<InstanceFigures> perInstance,
                            List<FaultFigures> faults) {

    public BrokerFigures {
        perInstance = List.copyOf(perInstance);
        faults = List.copyOf(faults);
    }

    /**
     * One server instance's counts over the whole strategy run.
     *
     * @param index              1-based
     * @param port               the port its clients used
     * @param messagesDelivered  messages it delivered to its clients (its {@code /metrics} counter)
     * @param received           messages the broker delivered to it
     * @param skippedSeqs        seqs the broker never delivered to it (its readers got loss notices)
     * @param duplicates         seqs delivered to it twice (dropped)
     * @param disconnects        times its broker connection was lost
     * @param disconnectedMicros how long it was down in all, µs
     * @param alive              false when it was killed (its counts are the last ones read)
     */
    public record InstanceFigures(int index, int port, long messagesDelivered, long received, long skippedSeqs,
                                  long duplicates, long disconnects, long disconnectedMicros, boolean alive) {
    }

    /**
     * One fault injected on purpose and what it cost.
     *
     * @param spec                   as given, e.g. {@code broker-pause@5s:3s}
     * @param atMicros               when it was injected, µs after the measured window started
     * @param deliveryStoppedMicros  the longest time without any delivery to any client from the fault on, µs
     * @param missed                 messages the clients never got (told by loss notices or missing at the end)
     * @param maxMissedPerClient     the most one client missed
     * @param duplicated             messages clients got twice
     * @param maxDuplicatedPerClient the most one client got twice
     * @param brokerSkippedSeqs      seqs the instances counted as never delivered by the broker (the explained loss)
     * @param explained              whether the broker's semantics explain every miss and duplicate
     * @param explanation            why (or why not), one sentence
     */
    public record FaultFigures(String spec, long atMicros, long deliveryStoppedMicros, long missed,
                               long maxMissedPerClient, long duplicated, long maxDuplicatedPerClient,
                               long brokerSkippedSeqs, boolean explained, String explanation) {
    }
}
