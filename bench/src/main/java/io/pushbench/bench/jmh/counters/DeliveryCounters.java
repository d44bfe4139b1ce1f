package io.pushbench.bench.jmh.counters;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the clients' sockets moved during the measured operations of a fan-out benchmark: application
 * bytes up and down, requests and empty responses, taken as differences of the load generator's own
 * client snapshots (never counted a second time here).
 *
 * <p>Typical use: the benchmark takes a snapshot before and after each operation and calls
 * {@link #add(long, long, long, long)} with the differences. JMH reports each field as a total over the
 * measured iterations; {@link PerOpProfiler} adds the per-operation figures ({@code appBytesDownPerOp}, ...).
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class DeliveryCounters {
    /** Application bytes the clients wrote (requests, handshakes, frames), every byte from the first. */
    public long appBytesUp;
    /** Application bytes the clients read (responses, events, frames), every byte from the first. */
    public long appBytesDown;
    /** HTTP requests the clients sent (polls; 0 for streams after their opening request). */
    public long requests;
    /** Responses that carried no message (empty short polls, long polls that timed out). */
    public long emptyResponses;

    @Setup(Level.Iteration)
    public void reset() {
        appBytesUp = 0;
        appBytesDown = 0;
        requests = 0;
        emptyResponses = 0;
    }

    /** Adds one operation's differences; every argument is a count over that operation, &ge; 0. */
    public void add(long appBytesUpDelta, long appBytesDownDelta, long requestsDelta, long emptyResponsesDelta) {
        appBytesUp += appBytesUpDelta;
        appBytesDown += appBytesDownDelta;
        requests += requestsDelta;
        emptyResponses += emptyResponsesDelta;
    }
}
