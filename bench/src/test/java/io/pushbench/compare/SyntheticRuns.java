package io.pushbench.compare;

import io.pushbench.model.ByteCategory;
import io.pushbench.model.Strategy;
import io.pushbench.report.ApplicationBytes;
import io.pushbench.report.CategoryBytes;
import io.pushbench.report.ClockInfo;
import io.pushbench.report.CpuFigures;
import io.pushbench.report.DeliveryFigures;
import io.pushbench.report.Environment;
import io.pushbench.report.GcFigures;
import io.pushbench.report.GitInfo;
import io.pushbench.report.HostInfo;
import io.pushbench.report.JvmInfo;
import io.pushbench.report.LatencyFigures;
import io.pushbench.report.MemoryFigures;
import io.pushbench.report.NetworkBytes;
import io.pushbench.report.PublishFigures;
import io.pushbench.report.RecordedHistogram;
import io.pushbench.report.ReportJson;
import io.pushbench.report.RequestFigures;
import io.pushbench.report.RunConfiguration;
import io.pushbench.report.RunReport;
import io.pushbench.report.StrategyResult;
import io.pushbench.report.Validity;
import io.pushbench.report.WorkloadPoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Synthetic load runs written by the project's own report writer ({@link ReportJson}), with latency
 * histograms filled from seeded random distributions: per repeat, 2,000 deliveries with a log-normal
 * latency (σ = 0.5) around a median, the whole repeat scaled by a run-to-run factor 1 + N(0, spread) —
 * the spread between repeats that real runs show. CPU and throughput get the same run-to-run factor.
 */
public final class SyntheticRuns {

    static final int DELIVERIES_PER_REPEAT = 2_000;
    static final int CLIENTS = 50;

    /** What to vary in a run; the defaults make the base run. */
    public record Spec(long seed, int repeats, double latencyMedianMicros, double runToRunSpread, double downBytesPerMsg,
                int clients, String commit, String startTime, String cpuModel) {

        public static Spec base(long seed, int repeats) {
            return new Spec(seed, repeats, 2_000, 0.03, 120, CLIENTS, "1111111111111111111111111111111111111111",
                    "2026-11-25T16:00:00Z", "Synthetic CPU @ 2.00GHz");
        }

        public Spec seed(long s) {
            return new Spec(s, repeats, latencyMedianMicros, runToRunSpread, downBytesPerMsg, clients, commit, startTime, cpuModel);
        }

        public Spec latencyScaled(double factor) {
            return new Spec(seed, repeats, latencyMedianMicros * factor, runToRunSpread, downBytesPerMsg, clients, commit,
                    startTime, cpuModel);
        }

        public Spec downBytesPerMsg(double bytes) {
            return new Spec(seed, repeats, latencyMedianMicros, runToRunSpread, bytes, clients, commit, startTime, cpuModel);
        }

        public Spec clients(int n) {
            return new Spec(seed, repeats, latencyMedianMicros, runToRunSpread, downBytesPerMsg, n, commit, startTime, cpuModel);
        }

        public Spec commit(String c, String time) {
            return new Spec(seed, repeats, latencyMedianMicros, runToRunSpread, downBytesPerMsg, clients, c, time, cpuModel);
        }

        public Spec cpuModel(String model) {
            return new Spec(seed, repeats, latencyMedianMicros, runToRunSpread, downBytesPerMsg, clients, commit, startTime, model);
        }
    }

    private SyntheticRuns() {
    }

    /** Writes the run into {@code folder/report.json} and returns the folder. */
    public static Path write(Spec spec, Path folder) throws IOException {
        ReportJson.write(report(spec, folder.getFileName().toString()), folder.resolve(ReportJson.FILE_NAME));
        return folder;
    }

    public static RunReport report(Spec spec, String runId) {
        Random random = new Random(spec.seed());
        Environment env = new Environment(new GitInfo(spec.commit(), false, "main"),
                new HostInfo(spec.cpuModel(), 2, 25_769_803_776L, "Synthetic OS", "6.1.0-synthetic", "amd64"),
                new JvmInfo("Synthetic Vendor", "17.0.15+6", "Synthetic VM", List.of("-Xmx1g"), 1_073_741_824L),
                "epoll", ClockInfo.sharedMonotonic());
        RunConfiguration config = new RunConfiguration(List.of("ws", "sse"), null, spec.clients(), "1", 10, "fixed", 64, 1_000,
                30_000, 0, 1_000, 4_000, 42, null, spec.repeats(), "embedded", null, 100_000, 50_000, 1, false, Map.of());
        List<StrategyResult> results = new ArrayList<>();
        for (Strategy strategy : List.of(Strategy.WEBSOCKET, Strategy.SSE)) {
            for (int repeat = 1; repeat <= spec.repeats(); repeat++) {
                results.add(result(strategy, repeat, spec, random));
            }
        }
        return new RunReport(ReportJson.SCHEMA_VERSION, runId, spec.startTime(), "0.1.0-SNAPSHOT", List.of("run", "--repeat",
                String.valueOf(spec.repeats())), env, config, results, Validity.ok());
    }

    private static StrategyResult result(Strategy strategy, int repeat, Spec spec, Random random) {
        double runFactor = 1 + spec.runToRunSpread() * random.nextGaussian();
        Histogram latency = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        for (int i = 0; i < DELIVERIES_PER_REPEAT; i++) {
            double micros = spec.latencyMedianMicros() * runFactor * Math.exp(0.5 * random.nextGaussian());
            latency.recordValue(Math.max(1, Math.round(micros)));
        }
        long delivered = DELIVERIES_PER_REPEAT;
        long down = Math.round(spec.downBytesPerMsg() * delivered);
        long up = 40L * spec.clients();
        Map<ByteCategory, Long> downBytes = Map.of(ByteCategory.PAYLOAD, 64 * delivered, ByteCategory.FRAMING,
                down - 64 * delivered);
        long cpuServer = Math.round(30 * runFactor * delivered);
        long cpuClient = Math.round(45 * runFactor * delivered);
        RecordedHistogram recorded = RecordedHistogram.of(latency);
        RecordedHistogram empty = RecordedHistogram.of(new Histogram(TimeUnit.HOURS.toMicros(1), 3));
        return new StrategyResult(strategy, null, null, repeat, new WorkloadPoint(spec.clients(), "1", 1, 10, 64, 1_000, 30_000),
                4_000_000, new DeliveryFigures(delivered / spec.clients(), delivered, delivered, delivered / 4.0 / runFactor,
                0, 0, 0, 0, spec.clients(), 0, 0),
                new RequestFigures(spec.clients(), 0, 0.0, spec.clients() / (double) delivered, spec.clients() / 4.0, null),
                new ApplicationBytes(CategoryBytes.of(Map.of(ByteCategory.HANDSHAKE, up)), CategoryBytes.of(downBytes),
                        up / (double) delivered, down / (double) delivered, up / (spec.clients() * 4.0),
                        down / (spec.clients() * 4.0), null, null),
                NetworkBytes.unavailable("synthetic run"),
                new LatencyFigures(recorded, recorded, empty, empty, empty),
                new CpuFigures("thread-cpu:synthetic", cpuServer, cpuServer / (double) delivered, "thread-cpu:synthetic",
                        cpuClient, cpuClient / (double) delivered, 1.0),
                MemoryFigures.unavailable("synthetic run"), new GcFigures("synthetic", List.of(), 0, 0, 0), List.of(),
                Validity.ok(), strategy.label() + "-" + repeat + ".hlog", List.of(),
                new PublishFigures("http", Map.of(200, delivered / spec.clients()), delivered / spec.clients(), 0, 0, 0, 0, 0));
    }
}
