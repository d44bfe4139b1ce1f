package io.pushbench.bench.run;

import io.pushbench.bench.client.ClientGroupSnapshot;
import io.pushbench.bench.client.bytes.ByteTally;
import io.pushbench.bench.metrics.TcpInfoSampler;
import io.pushbench.bench.run.servers.MemoryReading;
import io.pushbench.bench.run.servers.ServerCounts;
import io.pushbench.bench.run.servers.ServerProbe;
import io.pushbench.bench.workload.PublisherStats;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.ByteCategory;
import io.pushbench.model.Direction;
import io.pushbench.report.ApplicationBytes;
import io.pushbench.report.CategoryBytes;
import io.pushbench.report.CpuFigures;
import io.pushbench.report.DeliveryFigures;
import io.pushbench.report.GcFigures;
import io.pushbench.report.LatencyFigures;
import io.pushbench.report.MemoryFigures;
import io.pushbench.report.NetworkBytes;
import io.pushbench.report.PublishFigures;
import io.pushbench.report.RecordedHistogram;
import io.pushbench.report.RequestFigures;
import io.pushbench.report.StrategyResult;
import io.pushbench.report.TimelineSecond;
import io.pushbench.report.Validity;
import io.pushbench.report.WorkloadPoint;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Turns one strategy run's raw counts into its {@link StrategyResult}: the per-delivery and per-second figures. */
final class ResultAssembler {

    /**
     * The least noise floor: memory growth below it, or below three times what two readings with nothing connected
     * differ by, is not attributed to connections (a run with one client read −282,424 B per connection).
     */
    static final long MIN_MEMORY_NOISE_FLOOR_BYTES = 64 * 1024;
    /** The noise floor is this many times the measured difference of two readings without connections. */
    static final int MEMORY_NOISE_FACTOR = 3;

    private final RunSettings settings;
    private final StrategyRunner.Measurement m;
    private final StrategyRunner.WindowEdge start;
    private final StrategyRunner.WindowEdge end;
    private final ClientGroupSnapshot afterDrain;
    private final long expected;
    private final GcFigures gc;
    private final List<TimelineSecond> timeline;
    private final MemoryReading memoryBaseline;
    private final MemoryReading memoryBaselineAgain;
    private final MemoryReading memoryWithClients;
    private final int connectedForMemory;
    private final CountCheck countCheck;
    /** The emulated network's round trip, µs; 0 on loopback. */
    private double roundTripMicros;
    private final StrategyRunner.Undelivered unknownFate;
    private final WorkloadParameters w;
    private final double windowSec;

    ResultAssembler(RunSettings settings, StrategyRunner.Measurement m, StrategyRunner.WindowEdge start,
                    StrategyRunner.WindowEdge end, ClientGroupSnapshot afterDrain, long expected, GcFigures gc,
                    List<TimelineSecond> timeline, MemoryReading memoryBaseline, MemoryReading memoryBaselineAgain,
                    MemoryReading memoryWithClients,
                    int connectedForMemory, CountCheck countCheck, StrategyRunner.Undelivered unknownFate) {
        this.settings = settings;
        this.m = m;
        this.start = start;
        this.end = end;
        this.afterDrain = afterDrain;
        this.expected = expected;
        this.gc = gc;
        this.timeline = timeline;
        this.memoryBaseline = memoryBaseline;
        this.memoryBaselineAgain = memoryBaselineAgain;
        this.memoryWithClients = memoryWithClients;
        this.connectedForMemory = connectedForMemory;
        this.countCheck = countCheck;
        this.unknownFate = unknownFate;
        this.w = m.point().workload();
        this.windowSec = (end.nanos() - start.nanos()) / 1e9;
    }

    StrategyResult assemble() {
        long delivered = m.listener().windowDelivered();
        // the per-delivery denominator: deliveries received while the window's requests, bytes and CPU were counted.
        // It equals `delivered` when the system keeps up; when deliveries lag, late ones cost CPU after the window.
        long received = end.deliveredSoFar() - start.deliveredSoFar();
        ClientGroupSnapshot window = end.clients().minus(start.clients());
        PublisherStats publisher = m.publisher().stats();
        DeliveryFigures delivery = new DeliveryFigures(publisher.publishedInWindow(), expected, delivered,
                received / windowSec, Math.max(0, expected - delivered - unknownFate.inWindow()), afterDrain.duplicates(),
                afterDrain.outOfOrder(), Math.max(afterDrain.lost(), m.listener().lost()), end.connected(),
                afterDrain.reconnects(), Math.max(afterDrain.errors(), m.listener().errors()));
        ServerCounts serverWindow = end.server() == null || start.server() == null ? null : end.server().minus(start.server());
        RequestFigures requests = new RequestFigures(window.requests(), window.emptyResponses(),
                window.requests() == 0 ? null : (double) window.emptyResponses() / window.requests(),
                perDelivery(window.requests(), received), window.requests() / windowSec,
                serverWindow == null ? null : serverWindow.requests());
        ApplicationBytes app = applicationBytes(window.bytes(), received, serverWindow);
        LatencyFigures latency = new LatencyFigures(
                RecordedHistogram.of(m.collector().totalFromScheduled()),
                RecordedHistogram.of(m.collector().totalFromSend()),
                RecordedHistogram.of(m.collector().totalPublisherLag()),
                RecordedHistogram.of(m.collector().totalConnectTime()),
                RecordedHistogram.of(m.collector().totalLoaderStall()));
        Validity validity = validity(delivery, publisher, latency);
        AnalyticModel.Measured measured = new AnalyticModel.Measured(requests.requestsPerSec(),
                requests.emptyResponseShare(), requests.requestsPerDelivery(),
                latency.fromScheduled().count() == 0 ? null : latency.fromScheduled().meanMicros(),
                perDelivery(app.down().payloadBytes(), received));
        return new StrategyResult(m.point().strategy(), m.point().sweepParameter(), m.point().sweepValue(),
                m.point().repeatIndex(), workloadPoint(), Math.round(windowSec * 1e6), delivery, requests, app,
                networkBytes(received), latency, cpu(serverWindow, received), memory(), gc,
                AnalyticModel.values(m.point().strategy(), w, measured, roundTripMicros), validity, m.hlogFile(), timeline,
                publishFigures(publisher));
    }

    /** The emulated network's round trip for the model, µs (0 = loopback, the default). */
    ResultAssembler roundTripMicros(double micros) {
        this.roundTripMicros = micros;
        return this;
    }

    private PublishFigures publishFigures(PublisherStats p) {
        return new PublishFigures(m.publisher().kind(), p.statusCounts(), p.published(), p.failed(), p.reconnects(),
                p.resent(), p.fateUnknown(), unknownFate.wholeRun());
    }

    private WorkloadPoint workloadPoint() {
        return new WorkloadPoint(w.clients(), w.topics().label(), w.topicCount(), w.publishRatePerSec(),
                w.payloadBytes(), w.pollInterval().toMillis(), w.longPollHold().toMillis());
    }

    private ApplicationBytes applicationBytes(ByteTally bytes, long delivered, ServerCounts serverWindow) {
        CategoryBytes up = categories(bytes, Direction.UP);
        CategoryBytes down = categories(bytes, Direction.DOWN);
        double clientSec = w.clients() * windowSec;
        return new ApplicationBytes(up, down, perDelivery(up.totalBytes(), delivered),
                perDelivery(down.totalBytes(), delivered), up.totalBytes() / clientSec, down.totalBytes() / clientSec,
                serverWindow == null ? null : serverWindow.bytesRead(),
                serverWindow == null ? null : serverWindow.bytesWritten());
    }

    private static CategoryBytes categories(ByteTally bytes, Direction direction) {
        Map<ByteCategory, Long> map = new EnumMap<>(ByteCategory.class);
        for (ByteCategory c : ByteCategory.values()) {
            map.put(c, bytes.bytes(direction, c));
        }
        return CategoryBytes.of(map);
    }

    private NetworkBytes networkBytes(long delivered) {
        if (start.tcp() == null || end.tcp() == null) {
            String why = start.tcpError() != null ? start.tcpError() : end.tcpError();
            return NetworkBytes.unavailable("kernel socket counters could not be read: " + why);
        }
        TcpInfoSampler.Delta d = end.tcp().minus(start.tcp());
        int header = TcpInfoSampler.headerBytesPerSegment();
        long up = d.upPayloadBytes() + d.upSegments() * header;
        long down = d.downPayloadBytes() + d.downSegments() * header;
        String note = "kernel tcp_info counters (bytes_sent, bytes_received, segs_out, segs_in) of the client sockets, "
                + "read with ss at the window's edges; TCP/IP headers derived as segments x " + header
                + " bytes (IPv4 20 + TCP 20" + (header > 40 ? " + timestamps 12" : "") + "); ACKs included as segments"
                + (d.socketsClosed() > 0 ? "; " + d.socketsClosed() + " sockets closed in the window are missing" : "");
        return new NetworkBytes(true, "tcp_info", null, note, (long) d.sockets(), d.upPayloadBytes(),
                d.downPayloadBytes(), d.upSegments(), d.downSegments(), header, up, down,
                perDelivery(up + down, delivered), perDelivery(up, delivered), perDelivery(down, delivered),
                (up + down) / (w.clients() * windowSec));
    }

    private CpuFigures cpu(ServerCounts serverWindow, long delivered) {
        ServerProbe probe = m.target().probe();
        Long serverMicros = serverWindow == null || serverWindow.serverCpuNanos() < 0 ? null : serverWindow.serverCpuNanos() / 1000;
        if (serverMicros == null && start.serverCpuNanos() != null && end.serverCpuNanos() != null) {
            serverMicros = (end.serverCpuNanos() - start.serverCpuNanos()) / 1000;
        }
        long clientMicros = end.clientCpu().microsSince(start.clientCpu());
        return new CpuFigures(serverMicros == null ? "unavailable" : probe.cpuMethod(), serverMicros,
                serverMicros == null ? null : perDelivery(serverMicros, delivered),
                "thread-cpu:pushbench-client-*,pushbench-publisher*", clientMicros, perDelivery(clientMicros, delivered),
                serverWindow == null ? null : serverWindow.messagesPerDeliveryWrite());
    }

    private MemoryFigures memory() {
        ServerProbe probe = m.target().probe();
        if (memoryBaseline == null || memoryWithClients == null) {
            return MemoryFigures.unavailable(probe.memoryNote());
        }
        if (connectedForMemory == 0) {
            return MemoryFigures.unavailable("no client was connected when memory was measured");
        }
        long heapDelta = memoryWithClients.heapUsedBytes() - memoryBaseline.heapUsedBytes();
        long directDelta = memoryWithClients.directUsedBytes() - memoryBaseline.directUsedBytes();
        long noiseBytes = memoryBaselineAgain == null ? 0 : Math.abs(memoryBaselineAgain.heapUsedBytes()
                + memoryBaselineAgain.directUsedBytes() - memoryBaseline.heapUsedBytes() - memoryBaseline.directUsedBytes());
        long floorBytes = Math.max(MIN_MEMORY_NOISE_FLOOR_BYTES, MEMORY_NOISE_FACTOR * noiseBytes);
        if (heapDelta + directDelta < floorBytes) {
            // the readings are kept; only the quotient would be noise (e.g. negative with one client)
            return new MemoryFigures(false, probe.memoryMethod(), String.format(java.util.Locale.ROOT,
                    "below the noise floor: memory grew by %,d B with %,d connections, less than the floor of %,d B "
                            + "(3 x the %,d B two readings without any connection differed by, at least 64 KiB)",
                    heapDelta + directDelta, connectedForMemory, floorBytes, noiseBytes), probe.memoryNote(),
                    connectedForMemory, memoryBaseline.heapUsedBytes(), memoryWithClients.heapUsedBytes(),
                    memoryBaseline.directUsedBytes(), memoryWithClients.directUsedBytes(), null, null);
        }
        return new MemoryFigures(true, probe.memoryMethod(), null, probe.memoryNote(), connectedForMemory,
                memoryBaseline.heapUsedBytes(), memoryWithClients.heapUsedBytes(), memoryBaseline.directUsedBytes(),
                memoryWithClients.directUsedBytes(),
                (double) (memoryWithClients.heapUsedBytes() - memoryBaseline.heapUsedBytes()) / connectedForMemory,
                (double) (memoryWithClients.directUsedBytes() - memoryBaseline.directUsedBytes()) / connectedForMemory);
    }

    private Validity validity(DeliveryFigures delivery, PublisherStats publisher, LatencyFigures latency) {
        ValidityCheck check = new ValidityCheck(settings.maxPublisherLagMicros(), settings.maxLoaderStallMicros());
        Validity base = check.check(new ValidityCheck.Inputs(w.clients(), start.connected(), delivery, publisher,
                latency.publisherLag(), latency.loaderStall(), m.listener().firstError(), afterDrain.limitError()));
        List<String> reasons = new ArrayList<>(base.reasons());
        io.pushbench.bench.run.servers.ServerExit exit = m.target().probe().exit();
        if (exit != null) {
            // the cause, first; publishes it never answered are not a sign of overload
            reasons.removeIf(r -> r.contains("publishes still unanswered"));
            double sec = (exit.atNanos() - m.window().windowStartNanos()) / 1e9;
            reasons.add(0, String.format(java.util.Locale.ROOT, "server process exited (%s) at %.1f s %s", exit.how(),
                    Math.abs(sec), sec >= 0 ? "into the measured window" : "before the measured window (warm-up)"));
        }
        long gapsAgainstServer = afterDrain.missing() - unknownFate.wholeRun();
        if (gapsAgainstServer > 0) {
            reasons.add(gapsAgainstServer + " messages never reached their client (seq gaps, whole run)");
        }
        if (m.listener().withoutHeader() > 0) {
            reasons.add(m.listener().withoutHeader() + " deliveries had no pushbench payload header (payload changed by the server?)");
        }
        reasons.addAll(countCheck.reasons());
        return Validity.of(reasons, KeptUpCheck.reasons(end.deliveredSoFar() - start.deliveredSoFar(), expected,
                edgeToleranceDeliveries(latency), timeline));
    }

    /**
     * Deliveries by which "received in the window" and "scheduled in the window" can differ in a run that keeps up:
     * the messages in flight (about a median latency's worth) at the window's start and not at its end, or the other
     * way round. One message's fan-out (a fixed schedule's window edges fall between two messages), plus, with
     * Poisson arrivals, three standard deviations of the difference of two Poisson counts of the messages scheduled
     * in a median latency.
     */
    private double edgeToleranceDeliveries(LatencyFigures latency) {
        double fanOut = w.topics() == io.pushbench.bench.workload.TopicMode.SINGLE ? w.clients() : 1;
        double messagesPerSec = w.publishRatePerSec() * w.topicCount();
        double p50Sec = latency.fromScheduled().count() == 0 ? 0 : latency.fromScheduled().p50Micros() / 1e6;
        double poisson = w.arrivals() == io.pushbench.bench.workload.Arrivals.POISSON
                ? 3 * Math.sqrt(2 * messagesPerSec * p50Sec) : 0;
        return fanOut * (1 + poisson);
    }

    private static Double perDelivery(double value, long delivered) {
        return delivered == 0 ? null : value / delivered;
    }
}
