package io.pushbench.bench.run.servers;

import io.pushbench.bench.client.ClientTarget;
import io.pushbench.bench.workload.PublishTarget;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.report.GcFigures;
import io.pushbench.server.PushServer;
import io.pushbench.server.PushServerConfig;
import io.pushbench.server.ServerMetrics;
import io.pushbench.server.TrafficCounts;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * A fresh {@link PushServer} in this JVM for every strategy run, on its own threads ({@code pushbench-server-*}),
 * so its CPU is accounted apart from the clients'.
 */
public final class EmbeddedServerTarget implements ServerTarget {

    private final boolean wsDeflate;
    private final List<String> userServerArgs;
    private volatile List<String> lastArgs = List.of();

    public EmbeddedServerTarget(boolean wsDeflate, List<String> userServerArgs) {
        this.wsDeflate = wsDeflate;
        this.userServerArgs = List.copyOf(userServerArgs);
    }

    @Override
    public String mode() {
        return "embedded";
    }

    @Override
    public StartedTarget start(Strategy strategy, WorkloadParameters workload, int runIndex) throws IOException {
        List<String> args = ServerArgs.forRun(workload, wsDeflate, userServerArgs);
        lastArgs = args;
        PushServerConfig config = ServerArgs.toConfig(args);
        PushServer server = new PushServer(config);
        InetSocketAddress address;
        try {
            address = server.start();
        } catch (IllegalStateException e) {
            server.close();
            throw new IOException("the embedded server did not start: " + e.getMessage(), e);
        }
        String host = address.getAddress().getHostAddress();
        return new StartedTarget(ClientTarget.pushbench(host, address.getPort()),
                PublishTarget.pushbench(host, address.getPort(), config.publishToken()), host, address.getPort(), "",
                new Probe(server), server);
    }

    @Override
    public Map<String, String> serverOptions() {
        return ServerArgs.asMap(lastArgs);
    }

    /** Reads the in-process server directly. */
    private static final class Probe implements ServerProbe {
        private final PushServer server;
        private final LocalGcWindow gc = new LocalGcWindow("loader+server");

        Probe(PushServer server) {
            this.server = server;
        }

        @Override
        public ServerCounts counts(Strategy strategy) {
            ServerMetrics m = server.metrics();
            TrafficCounts c = m.of(strategy);
            return new ServerCounts(c.requests(), c.emptyResponses(), c.bytesRead(), c.bytesWritten(),
                    c.openConnections(), m.serverCpuNanos(), c.messagesDelivered(), c.deliveryWrites());
        }

        @Override
        public String cpuMethod() {
            return "thread-cpu:pushbench-server-* (same JVM)";
        }

        @Override
        public MemoryReading memoryAfterGc() {
            return MemoryReading.ofThisJvmAfterGc();
        }

        @Override
        public String memoryMethod() {
            return "jvm-after-gc:embedded";
        }

        @Override
        public String memoryNote() {
            return "server and clients share one JVM: the figure includes the load generator's per-client objects; "
                    + "run with --server fork for the server alone";
        }

        @Override
        public void gcWindowStart() {
            gc.start();
        }

        @Override
        public GcFigures gcWindowFigures() {
            return gc.figures();
        }
    }
}
