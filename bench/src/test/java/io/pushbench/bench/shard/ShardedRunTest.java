package io.pushbench.bench.shard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pushbench.bench.cli.PushbenchCommand;
import io.pushbench.bench.netns.IpTool;
import io.pushbench.bench.netns.NetworkNamespace;
import io.pushbench.bench.netns.VethPair;
import io.pushbench.model.Strategy;
import io.pushbench.report.ExactCounts;
import io.pushbench.report.ReportJson;
import io.pushbench.report.RunReport;
import io.pushbench.report.StrategyResult;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Sharded runs end to end: three shard processes against one server process, merged. Across network namespaces
 * (each shard its own namespace and address, the server in a fourth), the merged counts equal the server's exactly;
 * on loopback, the merged latency histogram equals the histogram of every single delivery the shards logged; and
 * {@code merge} refuses folders that are not one run, with exit 2.
 */
class ShardedRunTest {

    private static final int SHARDS = 3;
    private static final int PORT = 18_080;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path loopbackDir;
    private static RunReport loopbackMerged;
    private static List<Path> loopbackFolders;

    /** One loopback run of 3 SSE shards, shared by the tests that read its folders. */
    @BeforeAll
    static void runThreeShardsOnLoopback() throws Exception {
        try (ShardProcesses run = new ShardProcesses()) {
            int port = run.startServer(NetworkNamespace.ROOT, "127.0.0.1", 0);
            Path start = loopbackDir.resolve("start-at");
            List<Process> shards = new ArrayList<>();
            for (int k = 0; k < SHARDS; k++) {
                shards.add(run.startShard(NetworkNamespace.ROOT, Strategy.SSE, k, SHARDS, "127.0.0.1", port, loopbackDir, start));
            }
            ShardProcesses.coordinate(shards, loopbackDir, start);
            ShardProcesses.awaitSuccess(shards, loopbackDir);
            loopbackFolders = new ArrayList<>();
            for (int k = 0; k < SHARDS; k++) {
                loopbackFolders.add(loopbackDir.resolve("shard-" + k));
            }
            loopbackMerged = ShardMerger.merge(loopbackFolders, "merged");
        }
    }

    @Test
    void mergedCountsEqualTheServersExactlyAcrossNetworkNamespaces(@TempDir Path dir) throws Exception {
        assumeTrue(IpTool.isRoot() && IpTool.find("ip") != null, "needs root and iproute2");
        List<String> leftover;
        try (NetworkNamespace server = NetworkNamespace.create("pb-srv");
             NetworkNamespace a = NetworkNamespace.create("pb-sh0");
             NetworkNamespace b = NetworkNamespace.create("pb-sh1");
             NetworkNamespace c = NetworkNamespace.create("pb-sh2");
             VethPair la = VethPair.create(server, a, VethPair.subnet(1301));
             VethPair lb = VethPair.create(server, b, VethPair.subnet(1302));
             VethPair lc = VethPair.create(server, c, VethPair.subnet(1303));
             ShardProcesses run = new ShardProcesses()) {
            leftover = List.of(server.name(), a.name(), b.name(), c.name());
            run.startServer(server, "0.0.0.0", PORT);
            List<VethPair> links = List.of(la, lb, lc);
            List<NetworkNamespace> spaces = List.of(a, b, c);
            Path start = dir.resolve("start-at");
            List<Process> shards = new ArrayList<>();
            for (int k = 0; k < SHARDS; k++) {
                // shard k reaches the server only over its own link, from its own address
                shards.add(run.startShard(spaces.get(k), Strategy.WEBSOCKET, k, SHARDS, links.get(k).localAddress(), PORT,
                        dir, start));
            }
            ShardProcesses.coordinate(shards, dir, start);
            ShardProcesses.awaitSuccess(shards, dir);
            JsonNode ws = JSON.readTree(ShardProcesses.metrics(server, "127.0.0.1", PORT)).path("strategies").path("ws");
            List<Path> folders = List.of(dir.resolve("shard-0"), dir.resolve("shard-1"), dir.resolve("shard-2"));
            RunReport merged = ShardMerger.merge(folders, "merged");

            ExactCounts sums = merged.sharding().counts();
            assertThat(sums.clientUpBytes()).isEqualTo(ws.path("bytesRead").asLong()).isPositive();
            assertThat(sums.clientDownBytes()).isEqualTo(ws.path("bytesWritten").asLong()).isPositive();
            assertThat(sums.clientRequests()).isEqualTo(ws.path("requests").asLong()).isEqualTo(300);
            assertThat(sums.disagreements()).isEmpty();
            StrategyResult r = merged.results().get(0);
            assertThat(r.delivery().expectedDeliveries()).isEqualTo(r.delivery().published() * 300).isPositive();
            assertThat(r.delivery().delivered()).isEqualTo(r.delivery().expectedDeliveries());
            assertThat(r.workload().clients()).isEqualTo(300);
            assertThat(merged.validity().reasons()).isEmpty();
            // each shard's own clients: 100 each, from three different addresses
            assertThat(merged.sharding().shards()).extracting(s -> s.clients()).containsExactly(100, 100, 100);
        }
        String namespaces = IpTool.ip("netns", "list");
        assertThat(leftover).noneMatch(namespaces::contains);
    }

    @Test
    void mergedHistogramEqualsTheHistogramOfEveryLoggedDelivery() throws Exception {
        Histogram everyDelivery = new Histogram(3);
        for (Path folder : loopbackFolders) {
            for (String line : Files.readAllLines(folder.resolve("sse.deliveries.txt"))) {
                everyDelivery.recordValue(Long.parseLong(line));
            }
        }
        Histogram merged = loopbackMerged.results().get(0).latency().fromScheduled().decode();

        assertThat(everyDelivery.getTotalCount()).isEqualTo(loopbackMerged.results().get(0).delivery().delivered()).isPositive();
        assertThat(merged.getTotalCount()).isEqualTo(everyDelivery.getTotalCount());
        for (var v : everyDelivery.recordedValues()) {
            assertThat(merged.getCountAtValue(v.getValueIteratedTo())).as("count at %d µs", v.getValueIteratedTo())
                    .isEqualTo(v.getCountAtValueIteratedTo());
        }
        assertThat(merged.getMaxValue()).isEqualTo(everyDelivery.getMaxValue());
        assertThat(loopbackMerged.sharding().counts().disagreements()).isEmpty();
        assertThat(loopbackMerged.sharding().counts().hasServer()).isTrue();
    }

    @Test
    void mergeCommandWritesOneReportThatPlotAndCompareRead(@TempDir Path out) throws Exception {
        Result merge = cli("merge", "--out=" + out, loopbackFolders.get(0).toString(), loopbackFolders.get(1).toString(),
                loopbackFolders.get(2).toString());
        assertThat(merge.code()).as(merge.text()).isZero();
        assertThat(ReportJson.read(out.resolve(ReportJson.FILE_NAME)).sharding().role()).isEqualTo("merged");
        assertThat(cli("plot", out.toString()).code()).isZero();
        Result compare = cli("compare", out.toString(), out.toString());
        assertThat(compare.code()).as(compare.text()).isZero();
    }

    @Test
    void mergeRefusesShardsOfDifferentWorkloadsNamingTheDifference(@TempDir Path copy) throws Exception {
        for (int k = 0; k < SHARDS; k++) {
            Path to = Files.createDirectories(copy.resolve("shard-" + k));
            Files.copy(loopbackFolders.get(k).resolve(ReportJson.FILE_NAME), to.resolve(ReportJson.FILE_NAME));
        }
        Path edited = copy.resolve("shard-2").resolve(ReportJson.FILE_NAME);
        Files.writeString(edited, Files.readString(edited).replaceFirst("\"seed\" : \\d+|\"seed\": \\d+", "\"seed\": 99"));

        Result merge = cli("merge", copy.resolve("shard-0").toString(), copy.resolve("shard-1").toString(),
                copy.resolve("shard-2").toString());
        assertThat(merge.code()).isEqualTo(2);
        assertThat(merge.text()).contains("different workloads: seed").contains("99");
    }

    @Test
    void mergeRefusesAMissingShardFolderAndAnIncompleteSet(@TempDir Path empty) throws Exception {
        Result missing = cli("merge", loopbackFolders.get(0).toString(), empty.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.text()).contains("shard folder").contains("does not exist");

        Result incomplete = cli("merge", loopbackFolders.get(0).toString(), loopbackFolders.get(2).toString());
        assertThat(incomplete.code()).isEqualTo(2);
        assertThat(incomplete.text()).contains("shard [1] of 3 missing");
    }

    @Test
    void shardIndexOutOfRangeAndAStartInThePastAreBadInput() {
        List<String> target = List.of("run", "--strategies=ws", "--clients=10", "--url-ws=ws://127.0.0.1:9/ws/{topic}",
                "--publish-url=http://127.0.0.1:9/publish/{topic}", "--topic-prefix=x-");
        Result outOfRange = cli(with(target, "--shard=3/3", "--start-at=2099-01-01T00:00:00Z"));
        assertThat(outOfRange.code()).isEqualTo(2);
        assertThat(outOfRange.text()).contains("--shard 3/3: the index K must be 0..2");

        Result past = cli(with(target, "--shard=0/3", "--start-at=2020-01-01T00:00:00Z"));
        assertThat(past.code()).isEqualTo(2);
        assertThat(past.text()).contains("--start-at 2020-01-01T00:00:00Z is in the past");
    }

    private static String[] with(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private record Result(int code, String text) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = PushbenchCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        int code = cl.execute(args);
        return new Result(code, out.toString());
    }
}
