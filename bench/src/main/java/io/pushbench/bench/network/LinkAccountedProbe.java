package io.pushbench.bench.network;

import io.pushbench.bench.run.servers.MemoryReading;
import io.pushbench.bench.run.servers.ServerCounts;
import io.pushbench.bench.run.servers.ServerExit;
import io.pushbench.bench.run.servers.ServerProbe;
import io.pushbench.model.Strategy;
import io.pushbench.report.GcFigures;

/**
 * The server's probe with its byte counts carried to the clients' end of a {@link DelayRelay}: bytes the relay held
 * when one end closed, and so never delivered, are taken off what the server wrote and added to what it read. The
 * exact client-versus-server count check then still holds byte for byte across the link (without this, every poll
 * answer in flight when the clients close would fail it). Everything else is the server's probe as it is.
 */
final class LinkAccountedProbe implements ServerProbe {

    private final ServerProbe server;
    private final DelayRelay relay;

    LinkAccountedProbe(ServerProbe server, DelayRelay relay) {
        this.server = server;
        this.relay = relay;
    }

    @Override
    public ServerCounts counts(Strategy strategy) {
        ServerCounts c = server.counts(strategy);
        if (c == null) {
            return null;
        }
        return new ServerCounts(c.requests(), c.emptyResponses(), c.bytesRead() + relay.droppedUpBytes(),
                c.bytesWritten() - relay.droppedDownBytes(), c.openConnections(), c.serverCpuNanos(),
                c.messagesDelivered(), c.deliveryWrites());
    }

    @Override
    public String cpuMethod() {
        return server.cpuMethod();
    }

    @Override
    public MemoryReading memoryAfterGc() {
        return server.memoryAfterGc();
    }

    @Override
    public String memoryMethod() {
        return server.memoryMethod();
    }

    @Override
    public String memoryNote() {
        return server.memoryNote();
    }

    @Override
    public void gcWindowStart() {
        server.gcWindowStart();
    }

    @Override
    public GcFigures gcWindowFigures() {
        return server.gcWindowFigures();
    }

    @Override
    public Long cpuNanos() {
        return server.cpuNanos();
    }

    @Override
    public boolean baselineBeforeClients() {
        return server.baselineBeforeClients();
    }

    @Override
    public ServerExit exit() {
        return server.exit();
    }
}
