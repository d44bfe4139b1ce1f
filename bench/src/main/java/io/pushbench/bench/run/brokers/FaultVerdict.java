package io.pushbench.bench.run.brokers;

import io.pushbench.bench.client.ClientGroupSnapshot;
import io.pushbench.server.broker.BrokerKind;
import java.util.List;
import java.util.Set;

/**
 * Whether a broker's semantics explain what the clients missed or got twice around a fault: pub/sub and NOTIFY
 * deliver at most once, so seqs published while an instance's subscription was down are missed, and each instance
 * announces them (loss notices); Streams read on from the last entry, so nothing is missed; a killed instance's
 * clients resume at the others within retention, so nothing is missed; nothing is ever silently missing or doubled.
 *
 * @param explained   whether every miss and duplicate is explained
 * @param explanation one sentence
 */
record FaultVerdict(boolean explained, String explanation) {

    /**
     * Validity reasons a killed instance causes: its clients' errors, its bytes it can no longer count, and the
     * window's deliveries its clients got late while they went on at the other instances.
     */
    private static final List<String> CAUSED_BY_KILL = List.of("client errors", "the server wrote ",
            "but the server read ", "but the server counted ", "did not keep up");
    /**
     * Validity reasons a restarted broker causes: publishes refused while it was down (and the deliveries the load
     * generator then expects of them at the tail), or held until it was back.
     */
    private static final List<String> CAUSED_BY_RESTART = List.of("publisher: ", "publisher fell behind its schedule",
            "deliveries missing", "messages never reached their client", "did not keep up");
    /** Validity reasons a paused broker causes: publishes held until it went on, and deliveries late by the pause. */
    private static final List<String> CAUSED_BY_PAUSE = List.of("publisher fell behind its schedule", "did not keep up");
    /** The validity reason of messages clients were told they lost (a broker's at-most-once loss, announced). */
    private static final String ANNOUNCED_LOSS = "messages dropped by the server's retention";

    /**
     * @param refusedDeliveries deliveries of publishes the broker refused (503 while it was down): they got no seq, so
     *                          the load generator expects them at the tail, though they are no messages anyone lost
     */
    static FaultVerdict judge(FaultSpec fault, BrokerKind kind, ClientGroupSnapshot clients, long refusedDeliveries,
                              String injectionError) {
        if (injectionError != null) {
            return new FaultVerdict(false, "the fault could not be injected: " + injectionError);
        }
        if (clients.missing() > 0) {
            return new FaultVerdict(false, clients.missing() + " deliveries missing between seqs a client received, "
                    + "without a loss notice: no broker semantics explain a silent loss");
        }
        if (clients.duplicates() > 0) {
            return new FaultVerdict(false, clients.duplicates() + " deliveries received twice: the instances drop a seq "
                    + "they have, so no broker here explains a duplicate");
        }
        if (clients.lost() > 0) {
            if (kind == BrokerKind.REDIS_STREAMS) {
                return new FaultVerdict(false, clients.lost() + " deliveries lost with Redis Streams, which reads on from "
                        + "the last entry: unexplained unless the stream was trimmed past a reader");
            }
            return new FaultVerdict(true, clients.lost() + " deliveries missed while a subscription was down, each "
                    + "announced by a loss notice: " + kind.title() + " delivers at most once and keeps nothing");
        }
        String refusedNote = refusedDeliveries == 0 ? "" : "; " + refusedDeliveries + " deliveries of publishes refused "
                + "(503) while the broker was down were never messages (no seq was given)";
        String why = switch (fault.kind()) {
            case INSTANCE_KILL -> "the killed instance's clients resumed at the other instances from their seq, "
                    + "within retention";
            case BROKER_PAUSE -> "a paused broker keeps its connections: publishes and deliveries waited and resumed";
            case BROKER_RESTART -> kind == BrokerKind.REDIS_STREAMS
                    ? "the stream readers read on from their last entry"
                    : "nothing was published while the subscriptions were down (publishes were refused, 503)";
        };
        return new FaultVerdict(true, "nothing missed or doubled: " + why + refusedNote);
    }

    /**
     * Whether a validity reason is one these faults, all explained, cause on purpose: a killed instance's client errors
     * and uncountable bytes, a restarted or paused broker's refused or held publishes, loss every client was told of.
     */
    static boolean explainedByFault(String reason, Set<FaultSpec.Kind> kinds) {
        if (reason.contains(ANNOUNCED_LOSS)) {
            return true;
        }
        if (kinds.contains(FaultSpec.Kind.INSTANCE_KILL) && CAUSED_BY_KILL.stream().anyMatch(reason::contains)) {
            return true;
        }
        if (kinds.contains(FaultSpec.Kind.BROKER_PAUSE) && CAUSED_BY_PAUSE.stream().anyMatch(reason::contains)) {
            return true;
        }
        return kinds.contains(FaultSpec.Kind.BROKER_RESTART) && CAUSED_BY_RESTART.stream().anyMatch(reason::contains);
    }
}
