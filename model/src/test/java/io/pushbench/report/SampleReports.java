package io.pushbench.report;

import io.pushbench.model.ByteCategory;
import io.pushbench.model.Strategy;
import org.HdrHistogram.Histogram;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A fixed, fully populated report with dummy host and JVM values, for golden-file and round-trip tests. */
final class SampleReports {

    private SampleReports() {
    }

    static RunReport sample() {
        Environment env = new Environment(
                new GitInfo("0123456789abcdef0123456789abcdef01234567", true, "main"),
                new HostInfo("Dummy CPU @ 2.00GHz", 2, 25_769_803_776L, "Dummy OS 1", "6.1.0-dummy", "amd64"),
                new JvmInfo("Dummy Vendor", "17.0.0+0", "Dummy VM", List.of("-Xmx1g", "-XX:+UseG1GC"), 1_073_741_824L),
                "epoll",
                clock());
        RunConfiguration config = new RunConfiguration(
                List.of("poll", "ws"), "ticker", 20, "1", 1.5, "fixed", 64, 500, 30_000, 0, 2_000, 5_000, 42,
                new SweepSpec("interval", List.of("500ms", "1s")), 2, "embedded", null, 100_000, 50_000, 1, false,
                Map.of("retention-count", "10000", "batch-limit", "100"), "browser + 512 B cookie",
                new NetworkCondition("100ms", 100, 0, "delay-relay", "a relay delaying each direction", "packet loss"));
        List<StrategyResult> results = List.of(
                result(Strategy.SHORT_POLLING, "500ms", 1, 7),
                result(Strategy.WEBSOCKET, "1s", 2, 11));
        return new RunReport(ReportJson.SCHEMA_VERSION, "20261125T154500Z-3f2a", "2026-11-25T15:45:00.123Z",
                "0.1.0-SNAPSHOT", List.of("run", "--preset", "ticker"), env, config, results,
                Validity.of(List.of("poll 500ms #1: 3 deliveries missing")));
    }

    /** An offset estimate of a forked server: 30 exchanges against {@code /clock}, two failed. */
    static ClockInfo clock() {
        return new ClockInfo(ClockInfo.SHARED_MONOTONIC, -3.5, 41.5, 30, "same-host", "http-exchange", null,
                "http://127.0.0.1:41234/clock", 1L, 2, new ClockInfo.RoundTrips(83, 120.5, 2_400));
    }

    /** A histogram with a known shape: {@code n} values spread deterministically from {@code seed}. */
    static Histogram histogram(long seed, int n) {
        Histogram h = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        long x = seed;
        for (int i = 0; i < n; i++) {
            x = (x * 6364136223846793005L + 1442695040888963407L);
            h.recordValue(100 + Math.floorMod(x >>> 20, 250_000L));
        }
        return h;
    }

    private static StrategyResult result(Strategy strategy, String sweepValue, int repeat, long seed) {
        Map<ByteCategory, Long> up = new EnumMap<>(ByteCategory.class);
        up.put(ByteCategory.HTTP_HEADERS, 12_000L);
        up.put(ByteCategory.EMPTY_RESPONSE, 30_000L);
        Map<ByteCategory, Long> down = new EnumMap<>(ByteCategory.class);
        down.put(ByteCategory.HTTP_HEADERS, 9_000L);
        down.put(ByteCategory.FRAMING, 700L);
        down.put(ByteCategory.PAYLOAD, 9_600L);
        down.put(ByteCategory.EMPTY_RESPONSE, 25_000L);
        RecordedHistogram latency = RecordedHistogram.of(histogram(seed, 150));
        return new StrategyResult(strategy, "interval", sweepValue, repeat,
                new WorkloadPoint(20, "1", 1, 1.5, 64, 500, 30_000),
                5_000_123,
                new DeliveryFigures(7, 140, 137, 27.4, 3, 0, 0, 0, 20, 0, 1),
                new RequestFigures(200, 120, 0.6, 200 / 137.0, 40.0, 200L),
                new ApplicationBytes(CategoryBytes.of(up), CategoryBytes.of(down), 42_000 / 137.0, 44_300 / 137.0,
                        420.0, 443.0, 42_000L, 44_300L),
                new NetworkBytes(true, "tcp_info", null, "headers derived: segments x 52 bytes", 20L, 42_000L,
                        44_300L, 400L, 420L, 52, 62_800L, 66_140L, 128_940 / 137.0, 62_800 / 137.0, 66_140 / 137.0,
                        1289.4),
                new LatencyFigures(latency, RecordedHistogram.of(histogram(seed + 1, 150)),
                        RecordedHistogram.of(histogram(seed + 2, 7)), RecordedHistogram.of(histogram(seed + 3, 20)),
                        RecordedHistogram.of(new Histogram(TimeUnit.HOURS.toMicros(1), 3))),
                new CpuFigures("thread-cpu:pushbench-server-*", 123_000L, 123_000 / 137.0,
                        "thread-cpu:pushbench-client-*,pushbench-publisher", 234_000, 234_000 / 137.0, 137 / 120.0),
                MemoryFigures.unavailable("external target"),
                new GcFigures("loader+server", List.of("G1 Young Generation"), 2, 3_400, 2_100),
                List.of(ModelValue.of("requestsPerSec", "1/s", "clients / interval", 40.0, 40.0),
                        ModelValue.of("meanAddedLatencyMicros", "us", "interval / 2", 250_000, 251_000.0)),
                Validity.of(List.of("3 deliveries missing")),
                strategy.label() + "-" + sweepValue + "-" + repeat + ".hlog",
                List.of(new TimelineSecond(1000, 20, 27, 240_000, 0), new TimelineSecond(2000, 20, 28, 245_000, 1)),
                new PublishFigures("http", Map.of(201, 5L, 202, 2L), 7, 0, 1, 1, 0, 0),
                new BrokerFigures("redis", "redis://127.0.0.1:6379", 2, "one", 280, 310, 1_900, 2_400, 41_000_000,
                        "/proc of pid 812 and its descendants (found by port 6379)", 137, 137,
                        List.of(new BrokerFigures.InstanceFigures(1, 40001, 70, 140, 0, 0, 0, 0, true),
                                new BrokerFigures.InstanceFigures(2, 40002, 67, 137, 3, 0, 1, 420_000, true)),
                        List.of(new BrokerFigures.FaultFigures("broker-pause@2s:1s", 2_000_104, 1_003_221, 0, 0, 0, 0,
                                0, true, "a paused broker delays and loses nothing"))));
    }
}
