package io.pushbench.bench.run.brokers;

import com.fasterxml.jackson.databind.JsonNode;
import io.pushbench.bench.run.servers.MemoryReading;
import io.pushbench.bench.run.servers.MetricsEndpoint;
import io.pushbench.bench.run.servers.ServerCounts;
import io.pushbench.bench.run.servers.ServerExit;
import io.pushbench.bench.run.servers.ServerProbe;
import io.pushbench.bench.run.servers.StartedTarget;
import io.pushbench.model.Strategy;
import io.pushbench.report.BrokerFigures;
import io.pushbench.report.GcFigures;
import io.pushbench.report.StrategyResult;
import io.pushbench.report.TimelineSecond;
import io.pushbench.report.Validity;
import io.pushbench.bench.client.ClientGroup;
import io.pushbench.bench.client.ClientGroupSnapshot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Reads N forked instances as one server: counters and CPU summed (a killed instance counts with its last reading),
 * memory summed, GC pauses merged; and beside that the broker: hop latency of every message of the strategy run from
 * the instances' own histograms, the broker process tree's CPU, each instance's counts, and the faults it injects.
 */
final class ClusterProbe implements ServerProbe, BrokerReporting {

    private final BrokerSetup setup;
    private final Strategy strategy;
    private final List<StartedTarget> instances;
    private final List<MetricsEndpoint> endpoints = new ArrayList<>();
    private final JsonNode[] lastDocuments;
    private final ServerCounts[] lastCounts;
    private final boolean[] killed;
    private final BrokerProcess broker;
    private long brokerCpuAtStart = -1;
    private long brokerCpuInWindow = -1;
    private long windowStartNanos;
    private final ScheduledExecutorService faultThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pushbench-fault");
        t.setDaemon(true);
        return t;
    });
    private final List<InjectedFault> injected = new CopyOnWriteArrayList<>();

    /** A fault as it was injected; {@code error} is null while it runs and when it succeeded. */
    static final class InjectedFault {
        private final FaultSpec spec;
        private final long atNanos;
        private final long skippedSeqsBefore;
        private volatile String error;

        InjectedFault(FaultSpec spec, long atNanos, long skippedSeqsBefore) {
            this.spec = spec;
            this.atNanos = atNanos;
            this.skippedSeqsBefore = skippedSeqsBefore;
        }

        FaultSpec spec() {
            return spec;
        }

        long atNanos() {
            return atNanos;
        }

        long skippedSeqsBefore() {
            return skippedSeqsBefore;
        }

        String error() {
            return error;
        }
    }

    private final boolean forked;

    ClusterProbe(BrokerSetup setup, Strategy strategy, List<StartedTarget> instances, boolean forked) {
        this.setup = setup;
        this.forked = forked;
        this.strategy = strategy;
        this.instances = List.copyOf(instances);
        for (StartedTarget t : instances) {
            endpoints.add(new MetricsEndpoint(t.host(), t.port()));
        }
        this.lastDocuments = new JsonNode[instances.size()];
        this.lastCounts = new ServerCounts[instances.size()];
        this.killed = new boolean[instances.size()];
        this.broker = BrokerProcess.find(setup);
    }

    @Override
    public synchronized ServerCounts counts(Strategy s) {
        ServerCounts sum = ServerCounts.NONE;
        for (int i = 0; i < instances.size(); i++) {
            if (!killed[i]) {
                // one read gives the strategy's counters and the broker's: the window's edges are these readings
                try {
                    JsonNode doc = endpoints.get(i).document();
                    lastDocuments[i] = doc;
                    lastCounts[i] = endpoints.get(i).countsOf(doc, s);
                } catch (IOException e) {
                    // the instance does not answer: its last reading stands
                }
            }
            ServerCounts c = lastCounts[i];
            if (c == null) {
                return null;
            }
            sum = sum.plus(killed[i] ? c.withoutConnections() : c);
        }
        return sum;
    }

    @Override
    public String cpuMethod() {
        return "thread-cpu:pushbench-server-* summed over " + instances.size() + " forked instances (via /metrics)";
    }

    @Override
    public MemoryReading memoryAfterGc() {
        if (!forked) {
            return instances.get(0).probe().memoryAfterGc();     // one JVM holds them all: read it once
        }
        long heap = 0;
        long direct = 0;
        for (int i = 0; i < instances.size(); i++) {
            if (killed[i]) {
                continue;
            }
            MemoryReading m = instances.get(i).probe().memoryAfterGc();
            if (m == null) {
                return null;
            }
            heap += m.heapUsedBytes();
            direct += m.directUsedBytes();
        }
        return new MemoryReading(heap, direct);
    }

    @Override
    public String memoryMethod() {
        return forked ? "jvm-after-gc:fork x " + instances.size() : "jvm-after-gc:embedded";
    }

    @Override
    public String memoryNote() {
        return forked ? "the instances' JVMs summed: heap used after GC and direct memory, with vs without the clients"
                : "the instances and the clients share one JVM: the figure includes the load generator's per-client objects";
    }

    @Override
    public synchronized void gcWindowStart() {
        windowStartNanos = System.nanoTime();
        for (int i = 0; i < (forked ? instances.size() : 1); i++) {
            instances.get(i).probe().gcWindowStart();
        }
        brokerCpuAtStart = broker.cpuNanos();
        for (FaultSpec f : setup.faults()) {
            faultThread.schedule(() -> inject(f), f.at().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public synchronized GcFigures gcWindowFigures() {
        long pauses = 0, total = 0, max = 0;
        List<String> collectors = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            if (killed[i] || (!forked && i > 0)) {      // embedded: one JVM, its pauses counted once
                continue;
            }
            GcFigures g = instances.get(i).probe().gcWindowFigures();
            pauses += g.pauses();
            total += g.totalPauseMicros();
            max = Math.max(max, g.maxPauseMicros());
            collectors.addAll(g.collectors());
        }
        long cpuEnd = broker.cpuNanos();
        brokerCpuInWindow = brokerCpuAtStart < 0 || cpuEnd < 0 ? -1 : cpuEnd - brokerCpuAtStart;
        return new GcFigures(forked ? "server (" + instances.size() + " forked JVMs)" : "loader+server", List.copyOf(new LinkedHashSet<>(collectors)),
                pauses, total, max);
    }

    @Override
    public ServerExit exit() {
        for (int i = 0; i < instances.size(); i++) {
            ServerExit e = instances.get(i).probe().exit();
            if (e != null && !killed[i]) {
                return e;
            }
        }
        return null;
    }

    /** Stops injecting (the run ends); a paused broker is resumed. */
    void stopFaults() {
        faultThread.shutdownNow();
        broker.resumeIfPaused();
    }

    private void inject(FaultSpec f) {
        InjectedFault record = new InjectedFault(f, System.nanoTime(), skippedSeqs());
        injected.add(record);     // before it acts: a fault still running when the window ends is reported too
        try {
            switch (f.kind()) {
                case INSTANCE_KILL -> killLastInstance();
                case BROKER_PAUSE -> {
                    broker.pause();
                    faultThread.schedule(broker::resumeIfPaused, f.pause().toNanos(), TimeUnit.NANOSECONDS);
                }
                case BROKER_RESTART -> broker.restart();
            }
        } catch (IOException | RuntimeException e) {
            record.error = e.getMessage();
        }
    }

    private synchronized void killLastInstance() throws IOException {
        int last = instances.size() - 1;
        StartedTarget t = instances.get(last);
        read(last);
        lastCounts[last] = instances.get(last).probe().counts(strategy);
        long pid = ListeningProcess.pidOfPort(t.port());
        if (pid < 0) {
            throw new IOException("no process listens on instance " + (last + 1) + "'s port " + t.port());
        }
        killed[last] = true;
        ListeningProcess.signal("KILL", List.of(pid));
    }

    /** Seqs the live instances counted as never delivered by the broker, summed. */
    private long skippedSeqs() {
        long sum = 0;
        for (int i = 0; i < instances.size(); i++) {
            JsonNode doc = killed[i] ? lastDocuments[i] : read(i);
            sum += doc == null ? 0 : doc.path("broker").path("skippedSeqs").asLong();
        }
        return sum;
    }

    private JsonNode read(int i) {
        try {
            JsonNode doc = endpoints.get(i).document();
            lastDocuments[i] = doc;
            return doc;
        } catch (IOException e) {
            return lastDocuments[i];
        }
    }

    private static Histogram hop(JsonNode doc) {
        String encoded = doc.path("broker").path("hopHistogram").asText("");
        if (encoded.isEmpty()) {
            return new Histogram(3);
        }
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)), 0);
        } catch (DataFormatException | IllegalArgumentException e) {
            return new Histogram(3);
        }
    }

    @Override
    public StrategyResult complete(StrategyResult result, ClientGroup group) {
        ClientGroupSnapshot clients = group.snapshot();
        List<BrokerFigures.FaultFigures> faults = new ArrayList<>();
        boolean allExplained = true;
        if (!injected.isEmpty()) {
            long[] worst = group.worstClient();
            long skippedNow = skippedSeqs();
            // a publish refused while the broker was down (503) got no seq: the load generator still counted one for
            // it, so each of the topic's subscribers shows it as missing at the tail (not among the clients' seq gaps
            // counted here); these are not lost messages
            long refused = result.publish() == null ? 0 : result.publish().failed();
            long refusedDeliveries = refused * result.workload().clients() / Math.max(1, result.workload().topicCount());
            for (InjectedFault f : injected) {
                FaultVerdict v = FaultVerdict.judge(f.spec(), setup.broker().kind(), clients, refusedDeliveries, f.error());
                long atMicros = (f.atNanos() - windowStartNanos) / 1_000;
                faults.add(new BrokerFigures.FaultFigures(f.spec().text(), atMicros,
                        longestSilenceMicros(result.timeline(), atMicros),
                        clients.lost() + clients.missing(), worst[0], clients.duplicates(), worst[1],
                        skippedNow - f.skippedSeqsBefore(), v.explained(), v.explanation()));
                allExplained &= v.explained();
            }
        }
        BrokerFigures figures = figures(clients.delivered(), faults);
        List<String> reasons = new ArrayList<>(result.validity().reasons());
        if (figures.instancesDelivered() != figures.clientsDelivered() && !anyKilled()) {
            reasons.add("the instances delivered " + figures.instancesDelivered() + " messages but the clients received "
                    + figures.clientsDelivered());
        }
        Validity validity = result.validity();
        if (!faults.isEmpty() && allExplained) {
            // what the faults did on purpose (errors of the killed instance's clients, loss the broker announced,
            // bytes the killed instance can no longer count) is explained above, not a reason to distrust the run
            java.util.Set<FaultSpec.Kind> kinds = java.util.EnumSet.noneOf(FaultSpec.Kind.class);
            injected.forEach(f -> kinds.add(f.spec().kind()));
            reasons.removeIf(r -> FaultVerdict.explainedByFault(r, kinds));
        }
        if (!reasons.equals(result.validity().reasons())) {
            validity = reasons.isEmpty() ? Validity.ok() : Validity.of(reasons);
        }
        return result.withBroker(figures, validity);
    }

    private synchronized boolean anyKilled() {
        for (boolean k : killed) {
            if (k) {
                return true;
            }
        }
        return false;
    }

    /** The longest stretch of whole seconds without a delivery, from the fault's second on, µs (1 s resolution). */
    private static long longestSilenceMicros(List<TimelineSecond> timeline, long fromMicros) {
        long longest = 0;
        long run = 0;
        for (TimelineSecond s : timeline) {
            if (s.elapsedMillis() * 1_000 <= fromMicros) {
                continue;
            }
            run = s.deliveries() == 0 ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest * 1_000_000;
    }

    /**
     * The broker figures of the strategy run, once its clients closed.
     *
     * @param clientsDelivered messages all clients received over the run
     * @param faults           what each injected fault cost, from the clients' side
     */
    BrokerFigures figures(long clientsDelivered, List<BrokerFigures.FaultFigures> faults) {
        List<BrokerFigures.InstanceFigures> each = new ArrayList<>();
        // the instances are fresh for this strategy run: their histograms hold every message of it, warm-up included
        // (readings at the window's edges lag the edges by the edge readings' own time, which would cut messages off)
        Histogram hop = new Histogram(3);
        long delivered = 0;
        for (int i = 0; i < instances.size(); i++) {
            JsonNode doc = killed[i] ? lastDocuments[i] : read(i);
            if (doc == null) {
                continue;
            }
            JsonNode b = doc.path("broker");
            hop.add(hop(doc));
            long d = doc.path("strategies").path(strategy.label()).path("messagesDelivered").asLong();
            delivered += d;
            each.add(new BrokerFigures.InstanceFigures(i + 1, instances.get(i).port(), d, b.path("received").asLong(),
                    b.path("skippedSeqs").asLong(), b.path("duplicates").asLong(), b.path("disconnects").asLong(),
                    b.path("disconnectedMicros").asLong(), !killed[i]));
        }
        boolean any = hop.getTotalCount() > 0;
        return new BrokerFigures(setup.broker().kind().scheme(), setup.broker().text(), instances.size(),
                setup.publishToAll() ? "all" : "one", hop.getTotalCount(),
                any ? hop.getValueAtPercentile(50) : -1, any ? hop.getValueAtPercentile(99) : -1,
                any ? hop.getMaxValue() : -1, brokerCpuInWindow, broker.method(), delivered, clientsDelivered, each,
                faults);
    }
}
