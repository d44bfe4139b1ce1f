package io.pushbench.bench.run.servers;

import io.pushbench.bench.client.ClientTarget;
import io.pushbench.bench.client.PollBodyFormat;
import io.pushbench.bench.client.UrlTemplate;
import io.pushbench.bench.workload.PayloadHeader;
import io.pushbench.bench.workload.PublishTarget;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.report.GcFigures;

import java.util.Map;

/**
 * A server pushbench did not start, reached by a URL template per strategy and a publish URL. It is not fresh
 * between strategy runs, nor between runs (other runs may have used it before), so each strategy run uses its own
 * topics, {@code <prefix>r<n>-...}, whose seqs start at 1: the prefix is the run id ({@code 20261125T154500Z-3f2a-})
 * unless one is given. Messages are
 * recognised by the payload header alone ({@link PayloadHeader}): seq and scheduled time travel inside the payload,
 * whatever the server's framing. Server counters, CPU and memory are not available.
 */
public final class ExternalServerTarget implements ServerTarget {

    private final Map<Strategy, String> urlTemplates;
    private final PublishTarget publish;
    private final PollBodyFormat pollBodyFormat;
    private final String givenTopicPrefix;
    private String runTopicPrefix = "";
    private ServerResources resources;
    private java.util.List<MetricsEndpoint> counters = java.util.List.of();

    /** A target whose topics are prefixed with the run id. */
    public ExternalServerTarget(Map<Strategy, String> urlTemplates, PublishTarget publish, PollBodyFormat pollBodyFormat) {
        this(urlTemplates, publish, pollBodyFormat, null);
    }

    /** @param topicPrefix prefix of every topic name, or null for the run id and a dash */
    public ExternalServerTarget(Map<Strategy, String> urlTemplates, PublishTarget publish, PollBodyFormat pollBodyFormat,
                                String topicPrefix) {
        this.urlTemplates = Map.copyOf(urlTemplates);
        this.publish = publish;
        this.pollBodyFormat = pollBodyFormat;
        this.givenTopicPrefix = topicPrefix;
        this.runTopicPrefix = topicPrefix == null ? "" : topicPrefix;
    }

    @Override
    public void runStarts(String runId) {
        runTopicPrefix = givenTopicPrefix != null ? givenTopicPrefix : runId + "-";
    }

    /** Reads the server's CPU and memory from {@code resources} ({@code --server-pid}, {@code --server-metrics-url}). */
    public ExternalServerTarget withResources(ServerResources resources) {
        this.resources = resources;
        return this;
    }

    /**
     * Reads the strategy counters of pushbench servers ({@code GET /metrics} at each {@code host:port}), summed: the
     * processes behind a sharded run's target, for the exact count check.
     */
    public ExternalServerTarget withCounters(java.util.List<String> hostPorts) {
        java.util.List<MetricsEndpoint> list = new java.util.ArrayList<>();
        for (String hp : hostPorts) {
            io.pushbench.bench.client.UrlTemplate.Authority a = io.pushbench.bench.client.UrlTemplate.Authority.parse("--shard-server '" + hp + "'", hp, 80);
            list.add(new MetricsEndpoint(a.host(), a.port()));
        }
        this.counters = java.util.List.copyOf(list);
        return this;
    }

    /** The prefix of this run's topic names (before {@code r<n>-}). */
    public String runTopicPrefix() {
        return runTopicPrefix;
    }

    /** Where messages are published. */
    public PublishTarget publishTarget() {
        return publish;
    }

    @Override
    public String mode() {
        return "external";
    }

    @Override
    public Map<String, String> serverOptions() {
        return Map.of();
    }

    @Override
    public StartedTarget start(Strategy strategy, WorkloadParameters workload, int runIndex) {
        String template = urlTemplates.get(strategy);
        if (template == null) {
            throw new IllegalArgumentException("no URL template for strategy " + strategy.label());
        }
        ClientTarget clients = ClientTarget.external(Map.of(strategy, template), pollBodyFormat, PayloadHeader::seq);
        UrlTemplate url = clients.template(strategy);
        return new StartedTarget(clients, publish, url.host(), url.port(), runTopicPrefix + "r" + (runIndex + 1) + "-", new Probe(resources, counters),
                () -> { });
    }

    /**
     * No counters from a foreign server; CPU and resident memory only when {@code resources} are given. GC pauses are
     * the load generator's own.
     */
    private static final class Probe implements ServerProbe {
        private final LocalGcWindow gc = new LocalGcWindow("loader");
        private final ServerResources resources;
        private final java.util.List<MetricsEndpoint> counters;

        Probe(ServerResources resources, java.util.List<MetricsEndpoint> counters) {
            this.resources = resources;
            this.counters = counters;
        }

        @Override
        public boolean baselineBeforeClients() {
            return resources != null;
        }

        @Override
        public Long cpuNanos() {
            try {
                return resources == null ? null : resources.cpuNanos();
            } catch (java.io.IOException | RuntimeException e) {
                return null;
            }
        }

        @Override
        public ServerCounts counts(Strategy strategy) {
            if (counters.isEmpty()) {
                return null;
            }
            ServerCounts sum = ServerCounts.NONE;
            try {
                for (MetricsEndpoint e : counters) {
                    sum = sum.plus(e.read(strategy));
                }
            } catch (java.io.IOException e) {
                return null;
            }
            return sum;
        }

        @Override
        public String cpuMethod() {
            return resources == null ? "unavailable" : resources.cpuMethod();
        }

        @Override
        public MemoryReading memoryAfterGc() {
            try {
                return resources == null ? null : new MemoryReading(resources.residentBytes(), 0);
            } catch (java.io.IOException | RuntimeException e) {
                return null;
            }
        }

        @Override
        public String memoryMethod() {
            return resources == null ? "unavailable" : resources.memoryMethod();
        }

        @Override
        public String memoryNote() {
            return resources == null
                    ? "external target: its memory is not visible to pushbench (give --server-pid or --server-metrics-url)"
                    : resources.memoryNote();
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
