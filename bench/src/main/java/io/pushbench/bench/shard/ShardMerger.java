package io.pushbench.bench.shard;

import io.pushbench.report.ApplicationBytes;
import io.pushbench.report.CategoryBytes;
import io.pushbench.report.ClockInfo;
import io.pushbench.report.CpuFigures;
import io.pushbench.report.DeliveryFigures;
import io.pushbench.report.ExactCounts;
import io.pushbench.report.LatencyFigures;
import io.pushbench.report.MemoryFigures;
import io.pushbench.report.NetworkBytes;
import io.pushbench.report.RecordedHistogram;
import io.pushbench.report.ReportFormatException;
import io.pushbench.report.ReportJson;
import io.pushbench.report.RequestFigures;
import io.pushbench.report.RunConfiguration;
import io.pushbench.report.RunReport;
import io.pushbench.report.RunVerdict;
import io.pushbench.report.ShardSummary;
import io.pushbench.report.Sharding;
import io.pushbench.report.StrategyResult;
import io.pushbench.report.TimelineSecond;
import io.pushbench.report.Validity;
import io.pushbench.report.WorkloadPoint;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Merges the reports of a sharded run's shards into the report one loader with all the clients would have written:
 * histograms added (HdrHistogram {@code add}: every recorded value kept), counts summed, validity judged on the sums
 * (the clients' bytes and requests against the server's, exactly), every shard's own figures kept beside.
 *
 * <p>Refuses (with {@link MergeRefusedException}, naming the difference) folders that are not one complete set of
 * shards of one run: a missing folder or report, shards of different workloads, commits or start instants, a shard
 * given twice or missing, not exactly one publishing shard.
 *
 * <p>Typical use:
 * <pre>{@code
 * RunReport merged = ShardMerger.merge(List.of(Path.of("shard-0"), Path.of("shard-1")), "20261203T100000Z-merged");
 * }</pre>
 */
public final class ShardMerger {

    private ShardMerger() {
    }

    /** The folders do not form one complete sharded run. */
    public static final class MergeRefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        public MergeRefusedException(String message) {
            super(message);
        }
    }

    /** One shard's folder and report. */
    private record Shard(Path folder, RunReport report) {
        Sharding sharding() {
            return report.sharding();
        }

        StrategyResult result() {
            return report.results().get(0);
        }
    }

    /** Reads every folder's report and merges them. */
    public static RunReport merge(List<Path> folders, String runId) throws MergeRefusedException, IOException {
        if (folders.isEmpty()) {
            throw new MergeRefusedException("no shard folder given");
        }
        List<Shard> shards = new ArrayList<>();
        for (Path folder : folders) {
            shards.add(read(folder));
        }
        checkOneRun(shards);
        shards.sort(java.util.Comparator.comparingInt(s -> s.sharding().shardIndex()));
        return merged(shards, runId);
    }

    private static Shard read(Path folder) throws MergeRefusedException, IOException {
        if (!Files.isDirectory(folder)) {
            throw new MergeRefusedException("shard folder " + folder + " does not exist");
        }
        Path file = folder.resolve(ReportJson.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new MergeRefusedException(folder + " has no " + ReportJson.FILE_NAME + " (did that shard finish?)");
        }
        RunReport report;
        try {
            report = ReportJson.read(file);
        } catch (ReportFormatException e) {
            throw new MergeRefusedException(file + ": " + e.getMessage());
        }
        if (report.sharding() == null || !Sharding.SHARD.equals(report.sharding().role())) {
            throw new MergeRefusedException(file + " is not a shard's report (run with --shard K/N)");
        }
        if (report.results().size() != 1) {
            throw new MergeRefusedException(file + " has " + report.results().size() + " results; a shard has one");
        }
        return new Shard(folder, report);
    }

    private static void checkOneRun(List<Shard> shards) throws MergeRefusedException {
        Shard first = shards.get(0);
        for (Shard s : shards.subList(1, shards.size())) {
            differ(first, s, "commit", r -> r.environment().git() == null ? null : r.environment().git().commit());
            differ(first, s, "schema version", RunReport::schemaVersion);
            differ(first, s, "shard count", r -> r.sharding().shardCount());
            differ(first, s, "start instant", r -> r.sharding().startAtUtc());
            differ(first, s, "strategy", r -> r.results().get(0).strategy().label());
            RunConfiguration a = first.report().configuration();
            RunConfiguration b = s.report().configuration();
            differConfig(first, s, "clients", a.clients(), b.clients());
            differConfig(first, s, "topics", a.topics(), b.topics());
            differConfig(first, s, "rate", a.publishRatePerSec(), b.publishRatePerSec());
            differConfig(first, s, "arrivals", a.arrivals(), b.arrivals());
            differConfig(first, s, "payload", a.payloadBytes(), b.payloadBytes());
            differConfig(first, s, "poll interval", a.pollIntervalMillis(), b.pollIntervalMillis());
            differConfig(first, s, "long-poll hold", a.longPollHoldMillis(), b.longPollHoldMillis());
            differConfig(first, s, "warm-up", a.warmupMillis(), b.warmupMillis());
            differConfig(first, s, "duration", a.durationMillis(), b.durationMillis());
            differConfig(first, s, "seed", a.seed(), b.seed());
            differConfig(first, s, "ws-deflate", a.wsDeflate(), b.wsDeflate());
        }
        int n = first.sharding().shardCount();
        Shard[] byIndex = new Shard[n];
        for (Shard s : shards) {
            int k = s.sharding().shardIndex();
            if (k < 0 || k >= n) {
                throw new MergeRefusedException(s.folder() + " is shard " + k + ", outside 0.." + (n - 1));
            }
            if (byIndex[k] != null) {
                throw new MergeRefusedException("shard " + k + "/" + n + " given twice: " + byIndex[k].folder() + " and " + s.folder());
            }
            byIndex[k] = s;
        }
        List<Integer> missing = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (byIndex[k] == null) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            throw new MergeRefusedException("shard" + (missing.size() == 1 ? " " : "s ") + missing + " of " + n + " missing");
        }
        long publishers = shards.stream().filter(s -> Boolean.TRUE.equals(s.sharding().publishes())).count();
        if (publishers != 1) {
            throw new MergeRefusedException(publishers + " shards published; exactly one must (--publisher-shard K)");
        }
    }

    private static void differ(Shard a, Shard b, String what, Function<RunReport, Object> of) throws MergeRefusedException {
        Object x = of.apply(a.report());
        Object y = of.apply(b.report());
        if (!Objects.equals(x, y)) {
            throw new MergeRefusedException("shards disagree on the " + what + ": " + x + " in " + a.folder() + ", " + y
                    + " in " + b.folder());
        }
    }

    private static void differConfig(Shard a, Shard b, String what, Object x, Object y) throws MergeRefusedException {
        if (!Objects.equals(x, y)) {
            throw new MergeRefusedException("shards of different workloads: " + what + " " + x + " in " + a.folder()
                    + ", " + y + " in " + b.folder());
        }
    }

    private static RunReport merged(List<Shard> shards, String runId) {
        Shard pub = shards.stream().filter(s -> s.sharding().publishes()).findFirst().orElseThrow();
        StrategyResult p = pub.result();
        List<StrategyResult> rs = shards.stream().map(Shard::result).toList();
        double windowSec = p.measuredWindowMicros() / 1e6;

        DeliveryFigures delivery = new DeliveryFigures(p.delivery().published(), sum(rs, r -> r.delivery().expectedDeliveries()),
                sum(rs, r -> r.delivery().delivered()), rs.stream().mapToDouble(r -> r.delivery().deliveriesPerSec()).sum(),
                sum(rs, r -> r.delivery().missing()), sum(rs, r -> r.delivery().duplicates()),
                sum(rs, r -> r.delivery().outOfOrder()), sum(rs, r -> r.delivery().lostByRetention()),
                (int) sum(rs, r -> r.delivery().connectedClients()), sum(rs, r -> r.delivery().reconnects()),
                sum(rs, r -> r.delivery().errors()));
        long received = Math.round(delivery.deliveriesPerSec() * windowSec);
        long requests = sum(rs, r -> r.requests().requests());
        long empty = sum(rs, r -> r.requests().emptyResponses());
        RequestFigures req = new RequestFigures(requests, empty, requests == 0 ? null : (double) empty / requests,
                per(requests, received), rs.stream().mapToDouble(r -> r.requests().requestsPerSec()).sum(),
                p.requests().serverRequests());
        int clients = (int) sum(rs, r -> r.workload().clients());
        CategoryBytes up = categories(rs, r -> r.applicationBytes().up());
        CategoryBytes down = categories(rs, r -> r.applicationBytes().down());
        ApplicationBytes app = new ApplicationBytes(up, down, perD(up.totalBytes(), received), perD(down.totalBytes(), received),
                up.totalBytes() / (clients * windowSec), down.totalBytes() / (clients * windowSec),
                p.applicationBytes().serverReadBytes(), p.applicationBytes().serverWrittenBytes());
        LatencyFigures latency = new LatencyFigures(added(rs, l -> l.fromScheduled()), added(rs, l -> l.fromSend()),
                p.latency().publisherLag(), added(rs, l -> l.connectTime()), added(rs, l -> l.loaderStall()));
        long clientCpu = sum(rs, r -> r.cpu().clientCpuMicros());
        CpuFigures cpu = new CpuFigures(p.cpu().serverMethod(), p.cpu().serverCpuMicros(),
                p.cpu().serverCpuMicros() == null || received == 0 ? null : p.cpu().serverCpuMicros() / (double) received,
                p.cpu().clientMethod() + ", summed over " + shards.size() + " shard processes", clientCpu,
                received == 0 ? null : clientCpu / (double) received, p.cpu().serverMessagesPerWrite());
        MemoryFigures memory = new MemoryFigures(false, p.memory().method(), "a shard reads the server's memory with "
                + "its own clients only; a run of several processes reads it in sharding.memory (pushbench run --loaders)",
                null, null, null, null, null, null, null, null);

        ExactCounts counts = shards.get(0).sharding().counts();
        for (Shard s : shards.subList(1, shards.size())) {
            counts = counts.plusClients(s.sharding().counts());
        }
        ExactCounts server = pub.sharding().counts();
        counts = counts.withServer(server.serverReadBytes(), server.serverWrittenBytes(), server.serverRequests());

        List<String> invalid = new ArrayList<>();
        List<String> saturated = new ArrayList<>();
        if (!counts.hasServer()) {
            invalid.add("the server's totals were not read (give the publishing shard --shard-server HOST:PORT): the "
                    + "exact count check could not be made");
        }
        invalid.addAll(counts.disagreements());
        List<ShardSummary> summaries = new ArrayList<>();
        ClockInfo pubClock = pub.report().environment().clock();
        for (Shard s : shards) {
            StrategyResult r = s.result();
            if (r.delivery().published() != p.delivery().published()) {
                invalid.add("shard " + s.sharding().shardIndex() + " counted " + r.delivery().published() + " messages "
                        + "scheduled in its window, the publisher published " + p.delivery().published()
                        + " (did the shards agree on the start?)");
            }
            for (String reason : r.validity().reasons()) {
                (r.validity().verdict() == RunVerdict.SATURATED ? saturated : invalid)
                        .add("shard " + s.sharding().shardIndex() + ": " + reason);
            }
            ClockInfo c = s.report().environment().clock();
            boolean offsets = c != null && pubClock != null && c.offsetMicros() != null && pubClock.offsetMicros() != null;
            summaries.add(new ShardSummary(s.sharding().shardIndex(), s.sharding().publishes(), s.folder().toString(),
                    r.workload().clients(), r.delivery().expectedDeliveries(), r.delivery().delivered(),
                    r.delivery().missing(), r.latency().fromScheduled().p50Micros(), r.latency().fromScheduled().p99Micros(),
                    r.latency().loaderStall().p999Micros(),
                    offsets ? c.offsetMicros() - pubClock.offsetMicros() : null,
                    offsets ? c.uncertaintyMicros() + pubClock.uncertaintyMicros() : null, s.sharding().counts(),
                    r.validity()));
        }
        Validity validity = Validity.of(invalid, saturated);
        WorkloadPoint w = p.workload();
        StrategyResult result = new StrategyResult(p.strategy(), null, null, 1,
                new WorkloadPoint(clients, w.topics(), w.topicCount(), w.publishRatePerSec(), w.payloadBytes(),
                        w.pollIntervalMillis(), w.longPollHoldMillis()),
                p.measuredWindowMicros(), delivery, req, app, network(rs, received, clients, windowSec), latency, cpu,
                memory, p.gc(), List.of(), validity, null, timeline(rs), p.publish());
        RunReport base = pub.report();
        List<String> command = new ArrayList<>(List.of("merge"));
        shards.forEach(s -> command.add(s.folder().toString()));
        Sharding sharding = new Sharding(Sharding.MERGED, shards.size(), pub.sharding().startAtUtc(), null, null, counts,
                summaries, null);
        return new RunReport(ReportJson.SCHEMA_VERSION, runId, base.startTimeUtc(), base.pushbenchVersion(), command,
                base.environment(), base.configuration(), List.of(result),
                Validity.of(validity.verdict(), validity.reasons().stream().map(r -> p.strategy().label() + ": " + r).toList()),
                sharding);
    }

    private static long sum(List<StrategyResult> rs, ToLongFunction<StrategyResult> f) {
        return rs.stream().mapToLong(f).sum();
    }

    private static Double per(long value, long received) {
        return received == 0 ? null : (double) value / received;
    }

    private static Double perD(long value, long received) {
        return per(value, received);
    }

    private static CategoryBytes categories(List<StrategyResult> rs, Function<StrategyResult, CategoryBytes> f) {
        return new CategoryBytes(sum(rs, r -> f.apply(r).handshakeBytes()), sum(rs, r -> f.apply(r).headersBytes()),
                sum(rs, r -> f.apply(r).framingBytes()), sum(rs, r -> f.apply(r).payloadBytes()),
                sum(rs, r -> f.apply(r).heartbeatBytes()), sum(rs, r -> f.apply(r).emptyResponseBytes()),
                sum(rs, r -> f.apply(r).totalBytes()));
    }

    /** Every shard's histogram added into one: the same counts at every value as one recorder of all deliveries. */
    static RecordedHistogram added(List<StrategyResult> rs, Function<LatencyFigures, RecordedHistogram> f) {
        Histogram total = null;
        for (StrategyResult r : rs) {
            Histogram h = f.apply(r.latency()).decode();
            if (total == null) {
                total = h;
            } else {
                total.add(h);
            }
        }
        return RecordedHistogram.of(total);
    }

    private static NetworkBytes network(List<StrategyResult> rs, long received, int clients, double windowSec) {
        if (!rs.stream().allMatch(r -> r.networkBytes().available())) {
            return new NetworkBytes(false, rs.get(0).networkBytes().method(), "not available in every shard",
                    null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
        long upBytes = sumL(rs, n -> n.upBytes());
        long downBytes = sumL(rs, n -> n.downBytes());
        NetworkBytes f = rs.get(0).networkBytes();
        return new NetworkBytes(true, f.method(), null, "summed over the shards", sumL(rs, n -> n.sockets()),
                sumL(rs, n -> n.upTcpPayloadBytes()), sumL(rs, n -> n.downTcpPayloadBytes()), sumL(rs, n -> n.upSegments()),
                sumL(rs, n -> n.downSegments()), f.headerBytesPerSegment(), upBytes, downBytes,
                per(upBytes + downBytes, received), per(upBytes, received), per(downBytes, received),
                (upBytes + downBytes) / (clients * windowSec));
    }

    private static long sumL(List<StrategyResult> rs, Function<NetworkBytes, Long> f) {
        return rs.stream().mapToLong(r -> {
            Long v = f.apply(r.networkBytes());
            return v == null ? 0 : v;
        }).sum();
    }

    /**
     * The shards' timelines second by second: connected clients, deliveries and errors summed; the p99 is the
     * largest shard's (a percentile of the union cannot be had from per-shard percentiles: an upper bound).
     */
    private static List<TimelineSecond> timeline(List<StrategyResult> rs) {
        int seconds = rs.stream().mapToInt(r -> r.timeline().size()).min().orElse(0);
        List<TimelineSecond> merged = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            int k = i;
            merged.add(new TimelineSecond(rs.get(0).timeline().get(k).elapsedMillis(),
                    (int) sum(rs, r -> r.timeline().get(k).connectedClients()), sum(rs, r -> r.timeline().get(k).deliveries()),
                    rs.stream().mapToLong(r -> r.timeline().get(k).p99Micros()).max().orElse(0),
                    sum(rs, r -> r.timeline().get(k).errors())));
        }
        return merged;
    }
}
