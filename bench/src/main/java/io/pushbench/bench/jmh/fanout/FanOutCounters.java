package io.pushbench.bench.jmh.fanout;

import io.pushbench.bench.client.ClientGroupSnapshot;
import io.pushbench.model.Direction;
import io.pushbench.server.TrafficCounts;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What one fan-out iteration moved, as JMH aux counters: the differences of the load generator's own
 * client snapshots ({@code ClientGroup.snapshot()}, the same byte accounting as a load run, not a
 * second one) between the start and the end of the iteration, and the server's bytes written beside
 * them as a cross-check. JMH reports them as totals; {@code PerOpProfiler} adds the per-op figures
 * ({@code appBytesDownPerOp}, {@code requestsPerOp}, ...).
 *
 * <p>Snapshots are taken outside the timed operations (iteration setup and teardown), so counting
 * costs the measured latency nothing. Between two iterations nothing is published, but short pollers
 * keep polling: those requests and empty answers belong to no iteration.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class FanOutCounters {
    /** Application bytes the clients wrote (requests, handshakes, frames), every byte at the socket. */
    public long appBytesUp;
    /** Application bytes the clients read (responses, events, frames), every byte at the socket. */
    public long appBytesDown;
    /** HTTP requests the clients sent: polls; for streams only (re)connections. */
    public long requests;
    /** Answers that carried no message: empty short polls, long polls that timed out. */
    public long emptyResponses;
    /** Bytes the server wrote for this strategy, by its own count: equals appBytesDown when nothing is in flight. */
    public long serverBytesWritten;

    /** How long iteration teardown waits for the server's count to catch up with the clients', milliseconds. */
    static final long SERVER_COUNT_GRACE_MILLIS = 1_000;

    private ClientGroupSnapshot clientsAtStart;
    private TrafficCounts serverAtStart;

    @Setup(Level.Iteration)
    public void start(FanOutBenchmark fanOut) {
        clientsAtStart = fanOut.loopback().clientSnapshot();
        serverAtStart = fanOut.loopback().serverCounts();
    }

    @TearDown(Level.Iteration)
    public void stop(FanOutBenchmark fanOut) {
        ClientGroupSnapshot clients = fanOut.loopback().clientSnapshot().minus(clientsAtStart);
        appBytesUp = clients.bytes().socketBytes(Direction.UP);
        appBytesDown = clients.bytes().socketBytes(Direction.DOWN);
        requests = clients.requests();
        emptyResponses = clients.emptyResponses();
        serverBytesWritten = serverBytesWrittenSinceStart(fanOut);
        // the server counts a write when its completion listener runs, which a client can beat: give the
        // last operation's listeners a moment (outside the measurement) before comparing the two counts
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SERVER_COUNT_GRACE_MILLIS);
        while (serverBytesWritten < appBytesDown && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            serverBytesWritten = serverBytesWrittenSinceStart(fanOut);
        }
    }

    private long serverBytesWrittenSinceStart(FanOutBenchmark fanOut) {
        return fanOut.loopback().serverCounts().bytesWritten() - serverAtStart.bytesWritten();
    }
}
