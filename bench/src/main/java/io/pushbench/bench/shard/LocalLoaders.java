package io.pushbench.bench.shard;

import io.pushbench.bench.cli.PushbenchCommand;
import io.pushbench.bench.run.LoadRun;
import io.pushbench.bench.run.RunSettings;
import io.pushbench.bench.run.servers.ForkedServerTarget;
import io.pushbench.bench.run.servers.MemoryReading;
import io.pushbench.bench.run.servers.StartedTarget;
import io.pushbench.bench.workload.DurationText;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.report.ReportJson;
import io.pushbench.report.RunReport;
import io.pushbench.report.ScaleMemory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code pushbench run --loaders N [--servers S]}: one workload run as N shard processes on this host, each a JVM
 * with its own open-file limit, against S forked server processes, then merged into one report.
 *
 * <p>The coordinator (this process) starts the servers, starts shard K against server K mod S (shard 0 publishes
 * every message to all S servers and reads their totals at the end), waits until every shard has connected its
 * clients and said so in its ready file, reads the servers' memory, writes the agreed start instant (2 s ahead) to the
 * file every shard waits on, waits for the shards to finish, and merges their folders
 * ({@link ShardMerger}). Server and loader memory per connection go into the merged report's {@code sharding.memory}.
 */
public final class LocalLoaders {

    /** How far ahead of "every shard ready" the agreed start lies. */
    private static final Duration START_LEAD = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunSettings settings;
    private final ShardOptions options;
    private final List<String> serverArgs;
    private final List<String> forkJvmArgs;
    private final Path out;
    private final PrintWriter stdout;

    /** What the run produced: the merged report and where it was written. */
    public record Result(RunReport report, Path reportFile) {
    }

    /**
     * @param serverArgs  options for each server ({@code --server-arg})
     * @param forkJvmArgs JVM flags for each server ({@code --fork-jvm-arg})
     * @param out         the run folder, or null for {@code results/<run-id>/}
     */
    public LocalLoaders(RunSettings settings, ShardOptions options, List<String> serverArgs, List<String> forkJvmArgs,
                        Path out, PrintWriter stdout) {
        this.settings = settings;
        this.options = options;
        this.serverArgs = List.copyOf(serverArgs);
        this.forkJvmArgs = List.copyOf(forkJvmArgs);
        this.out = out;
        this.stdout = stdout;
    }

    /** Checks the options before anything starts; the message names the one at fault. */
    public static void check(RunSettings settings, ShardOptions options) {
        if (settings.plan().size() != 1) {
            throw new IllegalArgumentException("--loaders runs one measurement: give one strategy, no --sweep and no "
                    + "--repeat (got " + settings.plan().size() + " strategy runs)");
        }
        if (settings.workload().topics() != io.pushbench.bench.workload.TopicMode.SINGLE) {
            throw new IllegalArgumentException("--loaders supports one broadcast topic (--topics 1)");
        }
        if (settings.workload().clients() < options.loaders()) {
            throw new IllegalArgumentException("--loaders " + options.loaders() + " needs at least that many --clients");
        }
    }

    /**
     * Runs and merges.
     *
     * @throws IOException when a server or shard fails to start or finish (the message says which and where its log is)
     */
    public Result run() throws Exception {
        check(settings, options);
        int n = options.loaders();
        int s = options.servers();
        String runId = LoadRun.newRunId(Instant.now());
        Path folder = (out != null ? out : Path.of("results", runId)).toAbsolutePath();
        Files.createDirectories(folder);
        Strategy strategy = settings.strategies().get(0);
        WorkloadParameters w = settings.workload();
        List<StartedTarget> servers = new ArrayList<>();
        List<Process> shards = new ArrayList<>();
        try {
            ForkedServerTarget forked = new ForkedServerTarget(settings.wsDeflate(), serverArgs, forkJvmArgs, folder);
            for (int i = 0; i < s; i++) {
                servers.add(forked.start(strategy, w, i));
            }
            MemoryReading[] serverBaseline = servers.stream().map(t -> t.probe().memoryAfterGc()).toArray(MemoryReading[]::new);
            Path startFile = folder.resolve("start-at");
            List<Path> shardFolders = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                Path shardFolder = folder.resolve("shard-" + k);
                shardFolders.add(shardFolder);
                Files.createDirectories(shardFolder);
                List<String> command = shardCommand(k, n, servers, strategy, runId, startFile, shardFolder);
                Files.writeString(shardFolder.resolve("command.txt"), String.join(" ", command) + "\n", StandardCharsets.UTF_8);
                shards.add(new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(shardFolder.resolve("output.log").toFile()).start());
            }
            double connectSec = w.rampUpPerSec() == 0 ? 0 : (double) w.clients() / w.rampUpPerSec();
            long readyDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos((long) connectSec + 120);
            List<JsonNode> ready = awaitReady(shards, shardFolders, readyDeadline);
            long connections = 0;
            long loaderBaseline = 0;
            long loaderWith = 0;
            for (JsonNode r : ready) {
                connections += r.path("clients").asLong();
                loaderBaseline += r.path("loaderHeapBaselineBytes").asLong() + r.path("loaderDirectBaselineBytes").asLong();
                loaderWith += r.path("loaderHeapWithBytes").asLong() + r.path("loaderDirectWithBytes").asLong();
            }
            long serverBase = 0;
            long serverWith = 0;
            for (int i = 0; i < s; i++) {
                MemoryReading with = servers.get(i).probe().memoryAfterGc();
                serverBase += serverBaseline[i].heapUsedBytes() + serverBaseline[i].directUsedBytes();
                serverWith += with.heapUsedBytes() + with.directUsedBytes();
            }
            Instant start = Instant.now().plus(START_LEAD);
            Path tmp = folder.resolve("start-at.tmp");
            Files.writeString(tmp, start + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, startFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            stdout.printf(Locale.ROOT, "[loaders] %,d clients connected in %d shard processes to %d servers; start at %s%n",
                    connections, n, s, start);
            stdout.flush();
            long runSec = (w.warmup().plus(w.duration()).toSeconds()) + 180;
            awaitExit(shards, shardFolders, System.nanoTime() + TimeUnit.SECONDS.toNanos(runSec));
            RunReport merged = ShardMerger.merge(shardFolders, runId);
            ScaleMemory memory = new ScaleMemory(s, n, connections, serverBase, serverWith,
                    (double) (serverWith - serverBase) / connections, loaderBaseline, loaderWith,
                    (double) (loaderWith - loaderBaseline) / connections,
                    "heap used + direct memory used after System.gc() (3 collections), summed over the processes: the "
                            + "servers through their command channel, each shard in its own JVM before starting its "
                            + "clients and once they were connected and subscribed (before the first message)");
            merged = new RunReport(merged.schemaVersion(), merged.runId(), merged.startTimeUtc(), merged.pushbenchVersion(),
                    merged.commandLine(), merged.environment(), merged.configuration(), merged.results(), merged.validity(),
                    merged.sharding().withMemory(memory));
            Path file = folder.resolve(ReportJson.FILE_NAME);
            ReportJson.write(merged, file);
            return new Result(merged, file);
        } catch (ShardMerger.MergeRefusedException e) {
            throw new IOException("the shards' reports do not merge: " + e.getMessage(), e);
        } finally {
            for (Process p : shards) {
                if (p.isAlive()) {
                    p.destroyForcibly();
                }
            }
            for (StartedTarget t : servers) {
                t.close();
            }
        }
    }

    private List<String> shardCommand(int k, int n, List<StartedTarget> servers, Strategy strategy, String runId,
                                      Path startFile, Path shardFolder) {
        WorkloadParameters w = settings.workload();
        StartedTarget mine = servers.get(k % servers.size());
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.addAll(options.loaderJvmArgs());
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add(PushbenchCommand.class.getName());
        c.add("run");
        c.add("--strategies=" + strategy.label());
        c.add("--clients=" + w.clients());
        c.add("--topics=1");
        c.add("--rate=" + w.publishRatePerSec());
        c.add("--arrivals=" + w.arrivals().label());
        c.add("--payload=" + w.payloadBytes());
        c.add("--poll-interval=" + DurationText.format(w.pollInterval()));
        c.add("--long-poll-hold=" + DurationText.format(w.longPollHold()));
        c.add("--ramp-up=" + (w.rampUpPerSec() == 0 ? 0 : Math.max(1, w.rampUpPerSec() / n)));
        c.add("--warmup=" + DurationText.format(w.warmup()));
        c.add("--duration=" + DurationText.format(w.duration()));
        c.add("--seed=" + w.seed());
        c.add("--max-publisher-lag=" + settings.maxPublisherLagMicros() / 1000 + "ms");
        c.add("--max-loader-stall=" + settings.maxLoaderStallMicros() / 1000 + "ms");
        c.add("--client-threads=" + settings.clientThreads());
        c.add("--source-addresses=" + settings.sourceAddresses());
        c.add("--publisher-connections=" + settings.publisherConnections());
        if (settings.wsDeflate()) {
            c.add("--ws-deflate");
        }
        c.add("--url-" + strategy.label() + "=" + mine.clients().template(strategy).toString());
        c.add("--publish-url=" + servers.get(0).publish().urlTemplate());
        if (servers.get(0).publish().bearerToken() != null) {
            c.add("--publish-token=" + servers.get(0).publish().bearerToken());
        }
        c.add("--topic-prefix=" + runId + "-");
        c.add("--clock-probe=endpoint");
        c.add("--shard=" + k + "/" + n);
        c.add("--start-at=@" + startFile);
        c.add("--ready-file=" + shardFolder.resolve("ready.json"));
        c.add("--publisher-shard=0");
        for (int i = 1; i < servers.size(); i++) {
            c.add("--also-publish-url=" + servers.get(i).publish().urlTemplate());
        }
        for (StartedTarget t : servers) {
            c.add("--shard-server=" + t.host() + ":" + t.port());
        }
        c.add("--out=" + shardFolder);
        c.add("--no-post-run");
        return c;
    }

    private List<JsonNode> awaitReady(List<Process> shards, List<Path> folders, long deadline) throws IOException,
            InterruptedException {
        List<JsonNode> ready = new ArrayList<>();
        long nextReport = System.nanoTime();
        while (true) {
            ready.clear();
            for (int k = 0; k < shards.size(); k++) {
                Path f = folders.get(k).resolve("ready.json");
                if (Files.exists(f)) {
                    ready.add(JSON.readTree(f.toFile()));
                } else if (!shards.get(k).isAlive()) {
                    throw new IOException("shard " + k + " exited (code " + shards.get(k).exitValue()
                            + ") before its clients were connected; see " + folders.get(k).resolve("output.log"));
                }
            }
            if (ready.size() == shards.size()) {
                return ready;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException(ready.size() + " of " + shards.size() + " shards connected their clients in time; "
                        + "see " + folders.get(0).getParent() + "/shard-*/output.log");
            }
            if (System.nanoTime() - nextReport >= 0) {
                stdout.printf(Locale.ROOT, "[loaders] connecting: %d of %d shards ready%n", ready.size(), shards.size());
                stdout.flush();
                nextReport += TimeUnit.SECONDS.toNanos(5);
            }
            Thread.sleep(100);
        }
    }

    private void awaitExit(List<Process> shards, List<Path> folders, long deadline) throws IOException, InterruptedException {
        long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (int k = 0; k < shards.size(); k++) {
            Process p = shards.get(k);
            while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("shard " + k + " did not finish in time; see " + folders.get(k).resolve("output.log"));
                }
                if (System.nanoTime() - nextReport >= 0) {
                    long running = shards.stream().filter(Process::isAlive).count();
                    stdout.printf(Locale.ROOT, "[loaders] measuring: %d of %d shard processes running%n", running, shards.size());
                    stdout.flush();
                    nextReport += TimeUnit.SECONDS.toNanos(5);
                }
            }
            // exit 3 is an invalid shard: its report exists and the merge says why; anything else is a failure
            if (p.exitValue() != 0 && p.exitValue() != LoadRun.EXIT_INVALID) {
                throw new IOException("shard " + k + " failed (exit " + p.exitValue() + "); see " + folders.get(k).resolve("output.log"));
            }
        }
    }
}
