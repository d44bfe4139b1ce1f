package io.pushbench.bench.shard;

import io.pushbench.bench.run.RunSettings;
import io.pushbench.bench.workload.PublishTarget;
import io.pushbench.bench.workload.TopicMode;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The options of {@code pushbench run} for sharded runs: one shard of many, or N local shards at once. */
public final class ShardOptions {

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Run shard K of N (0-based): clients K, K+N, K+2N, ... of the workload against a running "
                    + "server (--url-*, --topic-prefix, --start-at); no publisher unless --publisher-shard. "
                    + "Merge the shards' folders with 'pushbench merge'.")
    String shard;

    @Option(names = "--start-at", paramLabel = "UTC|@FILE",
            description = "With --shard: the instant every shard starts its schedule from, e.g. 2026-12-03T10:00:00Z "
                    + "(must be ahead, and far enough for the clients to connect), or @FILE: wait until a "
                    + "coordinator writes the instant to FILE.")
    String startAt;

    @Option(names = "--publisher-shard", paramLabel = "K",
            description = "With --shard: shard K also publishes the messages and reads the server's totals once every "
                    + "shard closed. Give every shard the same K (so that one set of arguments serves all, e.g. in a "
                    + "Kubernetes Indexed Job). Default: no shard publishes.")
    Integer publisherShard;

    @Option(names = "--shard-server", paramLabel = "HOST:PORT",
            description = "With --shard: a pushbench server behind the target whose /metrics counters take part in "
                    + "the exact count check (repeatable; summed over all).")
    List<String> shardServers = new ArrayList<>();

    @Option(names = "--also-publish-url", paramLabel = "URL",
            description = "With --publisher-shard: the publishing shard publishes every message to this URL too (repeatable): the other "
                    + "server processes of a run whose servers share no log.")
    List<String> alsoPublishUrls = new ArrayList<>();

    @Option(names = "--ready-file", paramLabel = "FILE",
            description = "With --shard: once connected, write the shard's clients and memory to FILE (for a "
                    + "coordinator such as --loaders).")
    Path readyFile;

    @Option(names = "--loaders", paramLabel = "N", defaultValue = "0",
            description = "Run the workload as N shard processes on this host (each with its own open-file limit) "
                    + "against --servers forked server processes, then merge them into one report. 0 = off.")
    int loaders;

    @Option(names = "--servers", paramLabel = "S", defaultValue = "1",
            description = "With --loaders: server processes (each its own JVM and file limit; shard K uses server "
                    + "K mod S, and every message is published to each).")
    int servers;

    @Option(names = "--loader-jvm-arg", paramLabel = "ARG",
            description = "With --loaders: a JVM flag for each shard process, e.g. -Xmx1g (repeatable).")
    List<String> loaderJvmArgs = new ArrayList<>();

    /** N of {@code --loaders}, 0 when off. */
    public int loaders() {
        return loaders;
    }

    /** S of {@code --servers}. */
    public int servers() {
        return servers;
    }

    /** JVM flags for each shard process. */
    public List<String> loaderJvmArgs() {
        return List.copyOf(loaderJvmArgs);
    }

    /**
     * The shard this process runs, or null for an ordinary run.
     *
     * @param external        whether the target is an external (running) server
     * @param topicPrefixGiven whether {@code --topic-prefix} was given
     * @param publishToken    the {@code --publish-token}, sent to every {@code --also-publish-url} too, or null
     * @param now             the current time, to refuse a start already past
     * @throws IllegalArgumentException naming the option at fault
     */
    public ShardPlan plan(RunSettings settings, boolean external, boolean topicPrefixGiven, String publishToken, Instant now) {
        if (loaders < 0) {
            throw new IllegalArgumentException("--loaders must be >= 0, got " + loaders);
        }
        if (servers < 1) {
            throw new IllegalArgumentException("--servers must be >= 1, got " + servers);
        }
        if (loaders > 0 && shard != null) {
            throw new IllegalArgumentException("--loaders starts its own shards: leave out --shard");
        }
        if (shard == null) {
            if (startAt != null || publisherShard != null || !shardServers.isEmpty() || !alsoPublishUrls.isEmpty() || readyFile != null) {
                throw new IllegalArgumentException("--start-at, --publisher-shard, --shard-server, --also-publish-url and "
                        + "--ready-file need --shard K/N");
            }
            if (loaders == 0 && (servers != 1 || !loaderJvmArgs.isEmpty())) {
                throw new IllegalArgumentException("--servers and --loader-jvm-arg need --loaders N");
            }
            return null;
        }
        ShardSpec spec = ShardSpec.parse(shard);
        if (settings.plan().size() != 1) {
            throw new IllegalArgumentException("a shard runs one measurement: give one strategy, no --sweep and no "
                    + "--repeat (got " + settings.plan().size() + " strategy runs)");
        }
        if (!external) {
            throw new IllegalArgumentException("--shard runs against a running server shared by every shard: give "
                    + "--url-* and --publish-url (and --shard-server HOST:PORT for the exact count check)");
        }
        if (!topicPrefixGiven) {
            throw new IllegalArgumentException("--shard needs --topic-prefix: every shard must subscribe to the same "
                    + "topics (the default prefix is each process's own run id)");
        }
        if (startAt == null) {
            throw new IllegalArgumentException("--shard needs --start-at UTC|@FILE: the instant all shards start from");
        }
        if (settings.workload().topics() != TopicMode.SINGLE) {
            throw new IllegalArgumentException("--shard supports one broadcast topic (--topics 1): a shard counts the "
                    + "deliveries it is owed from the messages of its clients' topics, which it knows for one topic only");
        }
        if (spec.clientsOf(settings.workload().clients()) < 1) {
            throw new IllegalArgumentException("--shard " + spec + ": --clients " + settings.workload().clients()
                    + " leaves shard " + spec.index() + " without a client (need at least " + spec.count() + " clients)");
        }
        if (publisherShard != null && (publisherShard < 0 || publisherShard >= spec.count())) {
            throw new IllegalArgumentException("--publisher-shard " + publisherShard + " is not a shard of " + spec.count()
                    + " (0.." + (spec.count() - 1) + ")");
        }
        if (!alsoPublishUrls.isEmpty() && publisherShard == null) {
            throw new IllegalArgumentException("--also-publish-url needs --publisher-shard K");
        }
        boolean publishes = publisherShard != null && publisherShard == spec.index();
        List<PublishTarget> also = new ArrayList<>();
        for (String url : alsoPublishUrls) {
            also.add(PublishTarget.parse(url, null, null, List.of(), publishToken));
        }
        return new ShardPlan(spec, StartInstant.parse(startAt, now), publishes, also, readyFile);
    }

    /** The {@code host:port}s of {@code --shard-server}. */
    public List<String> shardServers() {
        return List.copyOf(shardServers);
    }
}
