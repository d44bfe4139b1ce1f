package io.pushbench.bench.run.brokers;

import io.pushbench.bench.client.ClientTarget;
import io.pushbench.bench.run.servers.EmbeddedServerTarget;
import io.pushbench.bench.run.servers.ForkedServerTarget;
import io.pushbench.bench.run.servers.ServerTarget;
import io.pushbench.bench.run.servers.StartedTarget;
import io.pushbench.bench.workload.PublishTarget;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.server.broker.Broker;
import io.pushbench.server.broker.BrokerIngress;
import io.pushbench.server.broker.BrokerUnavailableException;
import io.pushbench.server.broker.BrokerUrl;
import io.pushbench.server.broker.Brokers;
import io.pushbench.server.log.MessageLog;
import io.pushbench.server.log.Retention;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * {@code --server fork|embedded --instances N --broker URL}: for every strategy run, N fresh servers that share one
 * broker (a namespace of their own per run), the clients spread over them round-robin, publishes to the first or to
 * all in turn, and the faults of {@code --fault} injected in the measured window. The probe sums the instances'
 * counters (so the exact byte check covers them all) and reports the broker ({@link ClusterProbe}).
 */
public final class ClusterServerTarget implements ServerTarget {

    private final BrokerSetup setup;
    private final boolean forked;
    private final boolean wsDeflate;
    private final List<String> userServerArgs;
    private final List<String> jvmArgs;
    private final Path logFolder;
    private volatile String runTag = "run";
    private volatile ServerTarget lastInstance;

    /**
     * @param forked true = each instance in its own JVM ({@code --server fork}); false = all in this JVM, each on its
     *               own threads ({@code --server embedded}: quick to start, but no instance can be killed)
     */
    public ClusterServerTarget(BrokerSetup setup, boolean forked, boolean wsDeflate, List<String> userServerArgs,
                               List<String> jvmArgs, Path logFolder) {
        this.setup = setup;
        this.forked = forked;
        this.wsDeflate = wsDeflate;
        this.userServerArgs = List.copyOf(userServerArgs);
        this.jvmArgs = List.copyOf(jvmArgs);
        this.logFolder = logFolder;
    }

    /**
     * Connects to the broker once with the server's own client, before anything starts.
     *
     * @throws IllegalArgumentException naming the broker when it cannot be reached (a bad --broker is bad input)
     */
    public void checkReachable() {
        try (Broker broker = Brokers.create(BrokerUrl.parse(setup.urlFor("pbcheck")),
                Executors.defaultThreadFactory())) {
            broker.start(new BrokerIngress(new MessageLog(new Retention(1, Duration.ZERO), 1)));
        } catch (BrokerUnavailableException e) {
            throw new IllegalArgumentException("--broker: " + e.getMessage());
        }
    }

    @Override
    public String mode() {
        return forked ? "fork" : "embedded";
    }

    @Override
    public void runStarts(String runId) {
        runTag = runId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    @Override
    public Map<String, String> serverOptions() {
        ServerTarget t = lastInstance;
        return t == null ? Map.of() : t.serverOptions();
    }

    @Override
    public StartedTarget start(Strategy strategy, WorkloadParameters workload, int runIndex) throws IOException {
        // the warm-up's throw-away servers (index -1) get a namespace of their own too
        String namespace = "pb_" + runTag + "_" + (runIndex < 0 ? "w" : Integer.toString(runIndex));
        namespace = namespace.length() > 40 ? namespace.substring(namespace.length() - 40) : namespace;
        List<String> args = new ArrayList<>(userServerArgs);
        args.add("--broker=" + setup.urlFor(namespace));
        List<StartedTarget> started = new ArrayList<>();
        try {
            for (int i = 0; i < setup.instances(); i++) {
                ServerTarget instance = forked
                        ? new ForkedServerTarget(wsDeflate, args, jvmArgs, logFolder.resolve("instance-" + (i + 1)))
                        : new EmbeddedServerTarget(wsDeflate, args);
                lastInstance = instance;
                started.add(instance.start(strategy, workload, runIndex));
            }
        } catch (IOException | RuntimeException e) {
            started.forEach(StartedTarget::close);
            throw e;
        }
        List<ClientTarget> clients = new ArrayList<>();
        List<PublishTarget> publish = new ArrayList<>();
        for (StartedTarget t : started) {
            clients.add(t.clients());
            publish.add(t.publish());
        }
        StartedTarget first = started.get(0);
        ClusterProbe probe = new ClusterProbe(setup, strategy, started, forked);
        return new StartedTarget(ClientTarget.instances(clients),
                setup.publishToAll() ? PublishTarget.roundRobin(publish) : first.publish(), first.host(), first.port(),
                first.topicPrefix(), probe, () -> {
                    probe.stopFaults();
                    started.forEach(StartedTarget::close);
                });
    }
}
