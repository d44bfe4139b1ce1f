package io.pushbench.bench.run;

import io.pushbench.bench.client.ClientEngine;
import io.pushbench.bench.client.ClientGroup;
import io.pushbench.bench.client.ClientGroupSnapshot;
import io.pushbench.bench.client.ClientSettings;
import io.pushbench.bench.clock.ClockEndpoint;
import io.pushbench.bench.clock.ClockExchanges;
import io.pushbench.bench.clock.ClockOffsetEstimator;
import io.pushbench.bench.metrics.IntervalCollector;
import io.pushbench.bench.metrics.LatencyRecorders;
import io.pushbench.bench.metrics.StallProbe;
import io.pushbench.bench.metrics.TcpInfoSampler;
import io.pushbench.bench.metrics.ThreadCpuMeter;
import io.pushbench.bench.run.brokers.BrokerReporting;
import io.pushbench.bench.run.servers.MemoryReading;
import io.pushbench.bench.run.servers.ServerCounts;
import io.pushbench.bench.run.servers.ServerTarget;
import io.pushbench.bench.run.servers.StartedTarget;
import io.pushbench.bench.workload.PayloadHeader;
import io.pushbench.bench.workload.PublishScheduler;
import io.pushbench.bench.workload.TopicMode;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.report.StrategyResult;
import io.pushbench.report.TimelineSecond;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures one strategy at one workload against a fresh server: connect every client, start the publisher's
 * schedule, warm up, measure the window, drain the window's messages, measure memory with the clients still
 * connected, close, and cross-check the client's counts against the server's. The phases, in time:
 *
 * <pre>
 * connect ──► origin (first scheduled message) ──warm-up──► window start ──measured window──► window end ──drain──►
 * </pre>
 *
 * Requests, bytes and CPU are counted over the window (snapshots at its start and end); deliveries and latency over
 * the messages <em>scheduled</em> in the window, however late they arrive (until the drain deadline).
 */
final class StrategyRunner {

    private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Duration CONNECT_GRACE = Duration.ofSeconds(30);
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(5);
    /** How long the publishing shard waits for the other shards' connections to close before reading the server. */
    private static final Duration SHARD_CLOSE_WAIT = Duration.ofSeconds(60);
    /** Clock exchanges per strategy run; pooled over the run's strategies into one offset estimate. */
    private static final int CLOCK_EXCHANGES = 20;
    /** The exchanges end after this share of the warm-up, so none is open when the window's counters are read. */
    private static final double CLOCK_SHARE_OF_WARMUP = 0.8;
    /** A shorter span (80 % of the warm-up) leaves no room for exchanges: they then run after the measurement. */
    private static final Duration MIN_CLOCK_SPAN = Duration.ofMillis(200);
    /** The span of the exchanges after the measurement (warm-up too short). */
    private static final Duration AFTER_RUN_CLOCK_SPAN = Duration.ofMillis(200);

    private final ClientEngine engine;
    private final ServerTarget serverTarget;
    private final RunSettings settings;
    private final Path runFolder;
    private final RunProgress progress;
    private final ClockOffsetEstimator clock;
    private final io.pushbench.bench.clock.ClockProbe clockProbe;
    private final java.util.Set<Strategy> warmedUp = java.util.EnumSet.noneOf(Strategy.class);
    /** Whether every window delivery's latency is also written out ({@code --delivery-log}). */
    private boolean deliveryLog;
    /** This process's shard of a sharded run, or null. */
    private io.pushbench.bench.shard.ShardPlan shard;

    /** @param clock pools the clock exchanges of every strategy run (made during each warm-up) */
    StrategyRunner(ClientEngine engine, ServerTarget serverTarget, RunSettings settings, Path runFolder, RunProgress progress,
                   ClockOffsetEstimator clock, io.pushbench.bench.clock.ClockProbe clockProbe) {
        this.engine = engine;
        this.clock = clock;
        this.clockProbe = clockProbe;
        this.serverTarget = serverTarget;
        this.settings = settings;
        this.runFolder = runFolder;
        this.progress = progress;
    }

    /**
     * Runs only this shard's clients, starts at the agreed instant, publishes only if the shard does, and leaves the
     * exact count check to {@code merge} (the server's counters hold every shard's traffic).
     */
    /** Writes every window delivery's latency to {@code <hlog name>.deliveries.txt} beside the hlog. */
    StrategyRunner deliveryLog(boolean on) {
        this.deliveryLog = on;
        return this;
    }

    StrategyRunner shard(io.pushbench.bench.shard.ShardPlan plan) {
        this.shard = plan;
        return this;
    }

    /** A result and the exact count check behind one of its validity conditions. */
    record Outcome(StrategyResult result, CountCheck countCheck) {
    }

    Outcome run(RunPoint point) throws Exception {
        if (shard != null) {
            // the shard's own clients: the report's figures (per client, expected deliveries) are the shard's
            point = new RunPoint(point.index(), point.strategy(), point.sweepParameter(), point.sweepValue(),
                    point.repeatIndex(), point.workload().withClients(shard.spec().clientsOf(point.workload().clients())));
        }
        WorkloadParameters w = point.workload();
        Strategy strategy = point.strategy();
        String label = point.label(settings.repeats());
        // a shard shares its server with the others: a throw-away warm-up would add to the server's counters
        if (shard == null && warmedUp.add(strategy)) {
            warmUpClientCode(strategy, w);
        }
        long runStartNanos = System.nanoTime();
        try (StartedTarget target = serverTarget.start(strategy, w, point.index());
             StallProbe stall = StallProbe.start(List.of(), 1, TimeUnit.MILLISECONDS);
             DeliveryLog log = deliveryLog ? new DeliveryLog(runFolder.resolve(
                     point.hlogFileName(settings.repeats()).replaceFirst("\\.hlog$", "") + DeliveryLog.SUFFIX)) : null) {
            LatencyRecorders recorders = LatencyRecorders.create(stall);
            DeliveryRecorder listener = new DeliveryRecorder(recorders, stall);
            listener.log(log);
            String prefix = target.topicPrefix();
            TopicMode topics = w.topics();
            // resident memory does not shrink when clients leave (the allocator keeps it): its baseline is before
            MemoryReading[] before = target.probe().baselineBeforeClients()
                    ? new MemoryReading[] {target.probe().memoryAfterGc(), target.probe().memoryAfterGc()} : null;
            MemoryReading loaderBefore = shard != null && shard.readsLoaderMemory() ? MemoryReading.ofThisJvmAfterGc() : null;
            io.pushbench.bench.shard.ShardSpec spec = shard == null ? new io.pushbench.bench.shard.ShardSpec(0, 1) : shard.spec();
            ClientGroup group = engine.start(strategy, target.clients(), w.clients(),
                    id -> prefix + topics.topicOf(spec.globalId(id)), clientSettings(strategy, w), listener);
            try {
                awaitConnected(group, target, strategy, w, label, runStartNanos, listener);
                long origin = shard == null ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50)
                        : shard.awaitOrigin(group.connectedClients(), loaderBefore);
                long windowStart = origin + w.warmup().toNanos() + edgeOffsetNanos(w);
                PublishScheduler.Window window = new PublishScheduler.Window(origin, windowStart, windowStart + w.duration().toNanos());
                listener.window(window);
                long windowStartEpochMillis = System.currentTimeMillis()
                        + TimeUnit.NANOSECONDS.toMillis(window.windowStartNanos() - System.nanoTime());
                Path hlog = runFolder.resolve(point.hlogFileName(settings.repeats()));
                try (PublishScheduler publisher = new PublishScheduler(publishTargets(target), prefix, w,
                        new PayloadHeader(w.payloadBytes(), w.seed()), window, recorders.publisherLag(),
                        settings.publisherConnections());
                     IntervalCollector collector = new IntervalCollector(recorders, hlog, window.windowStartNanos(),
                             windowStartEpochMillis, runStartNanos)) {
                    publisher.start();
                    Measurement m = new Measurement(point, group, listener, publisher, collector, target, window,
                            hlog.getFileName().toString(), label, runStartNanos, before);
                    ClockEndpoint clockEndpoint = clockEndpoint(target, strategy);
                    if (clockEndpoint == null) {
                        return measure(m);
                    }
                    long clockUntil = origin + (long) (w.warmup().toNanos() * CLOCK_SHARE_OF_WARMUP);
                    if (clockUntil - System.nanoTime() < MIN_CLOCK_SPAN.toNanos()) {
                        Outcome outcome = measure(m);
                        ClockExchanges.run(clockEndpoint, clock, CLOCK_EXCHANGES,
                                System.nanoTime() + AFTER_RUN_CLOCK_SPAN.toNanos());
                        return outcome;
                    }
                    try (ClockExchanges exchanges = ClockExchanges.start(clockEndpoint, clock, CLOCK_EXCHANGES, clockUntil)) {
                        return measure(m);
                    }
                }
            } finally {
                group.close();
            }
        }
    }

    /** Where this process publishes: the target's publish URL (and a shard's further ones), or nowhere. */
    private List<io.pushbench.bench.workload.PublishTarget> publishTargets(StartedTarget target) {
        if (shard == null) {
            return List.of(target.publish());
        }
        if (!shard.publishes()) {
            return List.of();
        }
        List<io.pushbench.bench.workload.PublishTarget> all = new ArrayList<>();
        all.add(target.publish());
        all.addAll(shard.alsoPublishTo());
        return all;
    }

    /**
     * The server's clock: at the HTTP publish URL's origin, else (publishing through a broker) at the clients' server;
     * with {@link io.pushbench.bench.clock.ClockProbe#DATE} read through the Date header of a {@code HEAD} of the
     * publish URL (else the clients' URL) for the warm-up topic; null with {@code off}.
     */
    private ClockEndpoint clockEndpoint(StartedTarget target, Strategy strategy) {
        if (clockProbe == io.pushbench.bench.clock.ClockProbe.OFF) {
            return null;
        }
        String warmupTopic = target.topicPrefix().replaceFirst("r\\d+-$", "") + "r0-warmup";
        ClockEndpoint endpoint;
        String headPath;
        if (target.publish().kind() == io.pushbench.bench.workload.PublishTarget.Kind.HTTP) {
            endpoint = ClockEndpoint.of(target.publish(), serverTarget.mode());
            headPath = target.publish().target().expandToString(warmupTopic, new byte[0]);
        } else {
            String host = target.host().indexOf(':') >= 0 ? "[" + target.host() + "]" : target.host();
            endpoint = new ClockEndpoint(target.host(), target.port(), target.port() == 80 ? host : host + ":" + target.port(),
                    io.pushbench.bench.clock.TargetClock.of(serverTarget.mode(), target.host()));
            headPath = target.clients().template(strategy).requestTarget(warmupTopic, 0);
        }
        if (clockProbe == io.pushbench.bench.clock.ClockProbe.DATE) {
            return endpoint.withDateHeaderOf(headPath.startsWith("/") ? headPath : "/" + headPath);
        }
        return endpoint;
    }

    /**
     * Runs a few clients of the strategy once per JVM against a throw-away server before the first measurement, so
     * that class loading and the first JIT compilations do not delay the first connections of the measured clients.
     * Without it, short polling's first polls bunch up behind that delay and their phases are not uniform.
     */
    private void warmUpClientCode(Strategy strategy, WorkloadParameters w) throws Exception {
        WorkloadParameters small = w.withClients(Math.min(w.clients(), 20));
        try (StartedTarget target = serverTarget.start(strategy, small, -1)) {
            ClientGroup group = engine.start(strategy, target.clients(), small.clients(),
                    id -> target.topicPrefix() + "warmup", ClientSettings.DEFAULTS.withRampUpPerSec(0)
                            .withPollIntervalMillis(100).withWsDeflate(settings.wsDeflate()), io.pushbench.bench.client.DeliveryListener.IGNORE);
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                while (System.nanoTime() - deadline < 0) {
                    sleepNanos(TimeUnit.MILLISECONDS.toNanos(50));
                }
            } finally {
                group.close();
            }
        }
    }

    /**
     * With a fixed schedule, the window's edges fall half-way between two scheduled messages (at most 1 s after the
     * warm-up), so no message is in flight exactly when the window's counters are read.
     */
    private static long edgeOffsetNanos(WorkloadParameters w) {
        if (w.arrivals() != io.pushbench.bench.workload.Arrivals.FIXED) {
            return 0;
        }
        double periodNanos = 1e9 / (w.publishRatePerSec() * w.topicCount());
        return (long) Math.min(periodNanos / 2, 1e9);
    }

    private ClientSettings clientSettings(Strategy strategy, WorkloadParameters w) {
        int ramp = w.rampUpPerSec();
        if (strategy == Strategy.SHORT_POLLING) {
            // spread the first polls evenly over whole intervals, so poll phases are uniform (the latency model assumes it)
            double intervalSec = w.pollInterval().toNanos() / 1e9;
            double perInterval = w.clients() / intervalSec;
            int intervals = ramp == 0 ? 1 : (int) Math.max(1, Math.ceil(perInterval / ramp));
            ramp = (int) Math.max(1, Math.round(perInterval / intervals));
        }
        return ClientSettings.DEFAULTS.withPollIntervalMillis(Math.max(1, w.pollInterval().toMillis()))
                .withWsDeflate(settings.wsDeflate()).withRampUpPerSec(ramp).withHeaders(settings.clientHeaders());
    }

    /**
     * Waits until every client is connected. A long-polling client counts as connected only when its first answer
     * arrives, which needs a message; for long polling the server's count of open connections is used instead (or,
     * for an external server, the ramp-up time plus a second).
     */
    private void awaitConnected(ClientGroup group, StartedTarget target, Strategy strategy, WorkloadParameters w,
                                String label, long runStartNanos, DeliveryRecorder listener) throws IOException {
        double rampSec = w.rampUpPerSec() == 0 ? 0 : (double) w.clients() / w.rampUpPerSec();
        long rampEnd = System.nanoTime() + (long) (rampSec * 1e9);
        long deadline = rampEnd + CONNECT_GRACE.toNanos();
        long nextReport = System.nanoTime() + SECOND_NANOS;
        while (connected(group, target, strategy, rampEnd) < w.clients()) {
            if (target.probe().exit() != null) {
                throw new IOException("server process exited (" + target.probe().exit().how() + ") "
                        + String.format(java.util.Locale.ROOT, "%.1f s", (target.probe().exit().atNanos() - runStartNanos) / 1e9)
                        + " after the strategy run started, while the clients connected");
            }
            if (System.nanoTime() - deadline > 0) {
                String limit = group.snapshot().limitError();
                throw new IOException(connected(group, target, strategy, rampEnd) + " of " + w.clients()
                        + " clients connected within " + Math.round(rampSec + CONNECT_GRACE.toSeconds()) + " s"
                        + (limit != null ? "; " + limit
                                : listener.firstError() == null ? "" : "; first error: " + listener.firstError()));
            }
            sleepNanos(TimeUnit.MILLISECONDS.toNanos(20));
            if (System.nanoTime() - nextReport >= 0) {
                nextReport += SECOND_NANOS;
                progress.second(new RunProgress.Sample(label, "connecting", elapsedSec(runStartNanos),
                        connected(group, target, strategy, rampEnd), w.clients(), 0, 0, listener.errors()));
            }
        }
    }

    private int connected(ClientGroup group, StartedTarget target, Strategy strategy, long rampEndNanos) {
        if (strategy != Strategy.LONG_POLLING) {
            return group.connectedClients();
        }
        ServerCounts counts = shard == null ? target.probe().counts(strategy) : null;   // a shard's server has every shard's
        if (counts != null) {
            return (int) Math.min(Integer.MAX_VALUE, counts.openConnections());
        }
        return System.nanoTime() - rampEndNanos - SECOND_NANOS >= 0 ? Integer.MAX_VALUE : 0;
    }

    /** Everything one measurement works with. */
    record Measurement(RunPoint point, ClientGroup group, DeliveryRecorder listener, PublishScheduler publisher,
                       IntervalCollector collector, StartedTarget target, PublishScheduler.Window window,
                       String hlogFile, String label, long runStartNanos, MemoryReading[] baselineBeforeClients) {
    }

    private Outcome measure(Measurement m) throws Exception {
        WorkloadParameters w = m.point().workload();
        PublishScheduler.Window window = m.window();
        ThreadCpuMeter clientCpu = new ThreadCpuMeter(List.of(ClientEngine.THREAD_NAME_PREFIX, PublishScheduler.THREAD_NAME));
        TcpInfoSampler tcp = new TcpInfoSampler(m.target().clients().instancePorts(m.point().strategy()),
                new HashSet<>(m.publisher().localPorts()));

        // a first edge early in the warm-up, thrown away: each reading's first use (the JDK HTTP client, the server's
        // /metrics, ss) loads and compiles code; first taken at the window's start, it held a one-loop server's event
        // loop for ~240 ms there (the first deliveries of the window paid it: p99 40-110 ms instead of ~3 ms). Then
        // the edge's readings once a warm-up second (ss aside: a process of its own), so the code that handles them,
        // in the server's request path and on the client loops, is compiled for them before the window: otherwise the
        // window's first reading (a GET among the POSTs) deoptimised the server's compiled request path
        WindowEdge.take(m, clientCpu, tcp);
        tick(m, "warm-up", window.windowStartNanos(), false, null, () -> WindowEdge.take(m, clientCpu, null));
        WindowEdge start = WindowEdge.take(m, clientCpu, tcp);
        m.collector().collect(System.nanoTime(), false);   // drops the warm-up's stall samples
        m.target().probe().gcWindowStart();

        List<TimelineSecond> timeline = new ArrayList<>();
        tick(m, "measuring", window.windowEndNanos(), true, timeline, () -> { });
        WindowEdge end = WindowEdge.take(m, clientCpu, tcp);
        var gc = m.target().probe().gcWindowFigures();

        // a server that exited answers nothing more: no waiting for its answers or deliveries
        boolean serverExited = m.target().probe().exit() != null;
        if (!serverExited) {
            m.publisher().awaitScheduleEnd(Duration.ofSeconds(30));
            m.publisher().awaitIdle(Duration.ofSeconds(30));
        }
        long expected = expectedDeliveries(w, m.publisher().stats().publishedInWindow());
        if (!serverExited) {
            drain(m, expected);
        }
        m.collector().collect(System.nanoTime(), false);

        MemoryReading withClients = m.target().probe().memoryAfterGc();
        int connectedForMemory = m.group().connectedClients();
        Map<String, Long> heads = m.publisher().headSeqs();
        ClientGroupSnapshot afterDrain = m.group().snapshot(topic -> heads.getOrDefault(topic, 0L));
        // deliveries of publishes whose fate is unknown that never arrived: not the server's loss
        Undelivered unknownFate = new Undelivered(m.group().countMissing(m.publisher().fateUnknownSeqs(false)),
                m.group().countMissing(m.publisher().fateUnknownSeqs(true)));
        m.group().close();
        // the publishing shard reads the server's totals once every shard's clients closed; the others do not wait
        CountCheck countCheck = shard == null ? CountCheck.afterClose(m.point().strategy(), m.group(), m.target().probe())
                : shard.publishes() ? CountCheck.afterClose(m.point().strategy(), m.group(), m.target().probe(), SHARD_CLOSE_WAIT)
                : CountCheck.clientsOnly(m.point().strategy(), m.group());
        MemoryReading withoutClients;
        MemoryReading withoutClientsAgain;
        if (m.baselineBeforeClients() != null) {
            withoutClients = m.baselineBeforeClients()[0];
            withoutClientsAgain = m.baselineBeforeClients()[1];
        } else {
            withoutClients = m.target().probe().memoryAfterGc();
            // a second reading with nothing connected: how much two readings differ by is the noise floor
            withoutClientsAgain = withoutClients == null ? null : m.target().probe().memoryAfterGc();
        }

        StrategyResult result = new ResultAssembler(settings, m, start, end, afterDrain, expected, gc, timeline,
                withoutClients, withoutClientsAgain, withClients, connectedForMemory,
                shard == null ? countCheck : countCheck.judgedElsewhere(), unknownFate)
                .roundTripMicros(serverTarget.network() == null ? 0 : serverTarget.network().roundTripMillis() * 1000)
                .assemble();
        if (m.target().probe() instanceof BrokerReporting broker) {
            result = broker.complete(result, m.group());
        }
        return new Outcome(result, countCheck);
    }

    /**
     * Deliveries of publishes of unknown fate that never arrived.
     *
     * @param wholeRun of all such publishes (excused from the seq gaps)
     * @param inWindow of those scheduled in the measured window (excused from the window's missing deliveries)
     */
    record Undelivered(long wholeRun, long inWindow) {
    }

    private static long expectedDeliveries(WorkloadParameters w, long publishedInWindow) {
        return w.topics() == TopicMode.SINGLE ? publishedInWindow * w.clients() : publishedInWindow;
    }

    /**
     * Reports each second until {@code untilNanos}; in the window, adds a timeline entry per second. {@code everySecond}
     * runs after each second's report, not after the last.
     */
    private void tick(Measurement m, String phase, long untilNanos, boolean inWindow, List<TimelineSecond> timeline,
                      Runnable everySecond) {
        long lastDelivered = m.listener().delivered();
        long lastErrors = m.listener().errors();
        long next = System.nanoTime() + SECOND_NANOS;
        while (true) {
            if (m.target().probe().exit() != null) {
                return;   // the server process exited: the window ends here
            }
            long now = System.nanoTime();
            long target = Math.min(next, untilNanos);
            if (target - now > 0) {
                sleepNanos(Math.min(target - now, TimeUnit.MILLISECONDS.toNanos(50)));
                continue;
            }
            Histogram interval = m.collector().collect(target, inWindow);
            long delivered = m.listener().delivered();
            long errors = m.listener().errors();
            if (timeline != null) {
                timeline.add(new TimelineSecond(TimeUnit.NANOSECONDS.toMillis(target - m.window().windowStartNanos()),
                        m.group().connectedClients(), interval.getTotalCount(), interval.getValueAtPercentile(99),
                        errors - lastErrors));
            }
            progress.second(new RunProgress.Sample(m.label(), phase, elapsedSec(m.runStartNanos()),
                    m.group().connectedClients(), m.point().workload().clients(), delivered - lastDelivered,
                    inWindow ? m.collector().totalFromScheduled().getValueAtPercentile(99) : 0, errors));
            lastDelivered = delivered;
            lastErrors = errors;
            if (target == untilNanos) {
                return;
            }
            everySecond.run();
            next += SECOND_NANOS;
        }
    }

    private void drain(Measurement m, long expected) {
        WorkloadParameters w = m.point().workload();
        Duration allowance = DRAIN_GRACE.plus(m.point().strategy() == Strategy.SHORT_POLLING
                ? w.pollInterval().multipliedBy(2) : Duration.ZERO);
        long deadline = System.nanoTime() + allowance.toNanos();
        long nextReport = System.nanoTime() + SECOND_NANOS;
        while (m.listener().windowDelivered() < expected && System.nanoTime() - deadline < 0) {
            sleepNanos(TimeUnit.MILLISECONDS.toNanos(20));
            if (m.target().probe().exit() != null) {
                return;
            }
            if (System.nanoTime() - nextReport >= 0) {
                nextReport += SECOND_NANOS;
                progress.second(new RunProgress.Sample(m.label(), "draining", elapsedSec(m.runStartNanos()),
                        m.group().connectedClients(), w.clients(), 0,
                        m.collector().totalFromScheduled().getValueAtPercentile(99), m.listener().errors()));
            }
        }
    }

    private static long elapsedSec(long sinceNanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sinceNanos);
    }

    private static void sleepNanos(long nanos) {
        LockSupport.parkNanos(nanos);
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("run interrupted");
        }
    }

    /**
     * The counters at one edge of the measured window.
     *
     * @param tcp      the kernel socket counters, or null when unavailable ({@code tcpError} says why)
     * @param server   the server's counters, or null when the target has none
     * @param deliveredSoFar deliveries of any message received so far
     * @param serverCpuNanos the server's CPU time read apart from its counters (external targets), or null
     */
    record WindowEdge(long nanos, ClientGroupSnapshot clients, ServerCounts server, ThreadCpuMeter.Snapshot clientCpu,
                      TcpInfoSampler.Sample tcp, String tcpError, int connected, long deliveredSoFar,
                      Long serverCpuNanos) {

        static WindowEdge take(Measurement m, ThreadCpuMeter cpu, TcpInfoSampler sampler) {
            long now = System.nanoTime();
            long delivered = m.listener().delivered();
            ClientGroupSnapshot clients = m.group().snapshot();
            ServerCounts server = m.target().probe().counts(m.point().strategy());
            Long serverCpuNanos = m.target().probe().cpuNanos();
            ThreadCpuMeter.Snapshot clientCpu = cpu.snapshot();
            TcpInfoSampler.Sample tcp = null;
            String error = sampler == null ? "not sampled" : null;
            try {
                tcp = sampler == null ? null : sampler.sample();
            } catch (IOException e) {
                error = e.getMessage();
            }
            return new WindowEdge(now, clients, server, clientCpu, tcp, error, m.group().connectedClients(), delivered,
                    serverCpuNanos);
        }
    }
}
