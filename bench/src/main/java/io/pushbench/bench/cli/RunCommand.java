package io.pushbench.bench.cli;

import io.pushbench.bench.client.PollBodyFormat;
import io.pushbench.bench.publish.PostgresPublisher;
import io.pushbench.bench.publish.PublishOutcomes;
import io.pushbench.bench.publish.Publisher;
import io.pushbench.bench.publish.Publishers;
import io.pushbench.bench.run.LoadRun;
import io.pushbench.bench.run.PostRunStep;
import io.pushbench.bench.run.RunSettings;
import io.pushbench.bench.run.brokers.BrokerSetup;
import io.pushbench.bench.run.brokers.ClusterServerTarget;
import io.pushbench.bench.run.servers.EmbeddedServerTarget;
import io.pushbench.server.broker.BrokerKind;
import io.pushbench.server.broker.PostgresNotifyBroker;
import io.pushbench.bench.clock.ClockProbe;
import io.pushbench.bench.run.servers.ExternalServerTarget;
import io.pushbench.bench.run.servers.ForkedServerTarget;
import io.pushbench.bench.run.servers.ServerTarget;
import io.pushbench.bench.workload.Arrivals;
import io.pushbench.bench.workload.DurationText;
import io.pushbench.bench.workload.Preset;
import io.pushbench.bench.workload.PublishTarget;
import io.pushbench.bench.workload.Sweep;
import io.pushbench.bench.workload.TopicMode;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.report.ExternalTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pushbench run}: the load run. Options are turned into {@link RunSettings} and a target, then run. */
@Command(name = "run", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Runs the load generator: every strategy on its own against a fresh server, then prints the "
                + "headline table and writes results/<run-id>/report.json plus one .hlog per strategy.",
                "Durations: a whole number and a unit, e.g. 500ms, 10s, 2m."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:valid run", "2:bad options",
                "3:invalid run (loss, publisher behind schedule, loader stalled; reasons printed), saturated run "
                        + "(nothing lost, but fewer than 99%% of the window's deliveries received in it or latency "
                        + "trending up; full report), or a run that could not complete (server did not start, clients "
                        + "could not connect: the limit hit is named)"})
public final class RunCommand implements Callable<Integer> {

    /** The embedded server logs each start at INFO; the progress line says all that matters. Held: JUL keeps loggers weakly. */
    private static final java.util.logging.Logger SERVER_LOG = java.util.logging.Logger.getLogger("io.pushbench.server");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--strategies", paramLabel = "LIST", defaultValue = "poll,long-poll,sse,ws",
            description = "Comma list of poll, long-poll, sse, ws; each is measured on its own, in this order.")
    String strategies;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "A named workload: ticker, chat, notifications, firehose; explicit options override it.")
    String preset;

    @Option(names = "--clients", paramLabel = "N", description = "Simulated clients per strategy. Default: " + Defaults.CLIENTS + ".")
    Integer clients;

    @Option(names = "--topics", paramLabel = "1|per-client",
            description = "1 = one topic broadcast to all clients; per-client = a topic per client. Default: 1 (or the preset's).")
    String topics;

    @Option(names = "--rate", paramLabel = "MSG_PER_SEC",
            description = "Messages per second per topic. Default: " + Defaults.RATE_PER_SEC + " (or the preset's).")
    Double rate;

    @Option(names = "--arrivals", paramLabel = "fixed|poisson", defaultValue = Defaults.ARRIVALS,
            description = "Publish schedule: evenly spaced, or Poisson with the same mean rate.")
    String arrivals;

    @Option(names = "--payload", paramLabel = "BYTES",
            description = "Payload size (at least 56: the payload starts with topic, seq and scheduled time). Default: "
                    + Defaults.PAYLOAD_BYTES + " (or the preset's).")
    Integer payload;

    @Option(names = "--poll-interval", paramLabel = "DURATION",
            description = "Short polling interval. Default: 1s (or the preset's).")
    String pollInterval;

    @Option(names = "--long-poll-hold", paramLabel = "DURATION", defaultValue = "30s",
            description = "How long the server holds a long poll with nothing to send.")
    String longPollHold;

    @Option(names = "--ramp-up", paramLabel = "PER_SEC", defaultValue = "" + Defaults.RAMP_UP_PER_SEC,
            description = "Connections opened per second; 0 = all at once.")
    int rampUpPerSec;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "5s", description = "Warm-up before the measured window.")
    String warmup;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "20s", description = "The measured window.")
    String duration;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + Defaults.SEED, description = "Random seed.")
    long seed;

    @Option(names = "--sweep", paramLabel = "NAME=V1,V2,...",
            description = "Run one parameter over several values: clients, rate, interval or payload, e.g. interval=250ms,1s,5s.")
    String sweep;

    @Option(names = "--repeat", paramLabel = "K", defaultValue = "1",
            description = "Independent repeats of every strategy (and sweep point), each with its own figures.")
    int repeat;

    @Option(names = "--server", paramLabel = "embedded|fork", defaultValue = "embedded",
            description = "embedded = in this JVM on its own threads; fork = in its own JVM. Ignored with --url-* templates.")
    String server;

    @Option(names = "--server-arg", paramLabel = "ARG",
            description = "An option for the server, e.g. --server-arg=--batch-limit=100 (repeatable; see pushbench serve --help).")
    List<String> serverArgs = new ArrayList<>();

    @Option(names = "--fork-jvm-arg", paramLabel = "ARG", description = "A JVM flag for the forked server, e.g. -Xmx4g (repeatable).")
    List<String> forkJvmArgs = new ArrayList<>();

    @Option(names = "--instances", paramLabel = "N", defaultValue = "1",
            description = "Server instances behind --broker (--server fork); clients are spread over them round-robin "
                    + "and go on at the next one when theirs fails (docs/brokers.md).")
    int instances;

    @Option(names = "--broker", paramLabel = "URL", defaultValue = "memory",
            description = "What carries publishes to the instances: memory, redis://HOST:PORT, redis-streams://HOST:PORT "
                    + "or postgresql://HOST:PORT/DATABASE[?user=NAME] (each strategy run gets a namespace of its own).")
    String broker;

    @Option(names = "--publish-to", paramLabel = "one|all", defaultValue = "one",
            description = "Publish to the first instance, or to all in turn.")
    String publishTo;

    @Option(names = "--broker-pid", paramLabel = "PID",
            description = "The broker's process (its CPU, and the target of --fault broker-*); default: the process "
                    + "listening on the broker URL's port, when local.")
    Long brokerPid;

    @Option(names = "--fault", paramLabel = "SPEC",
            description = "Inject a fault in each strategy's measured window: broker-restart@TIME, instance-kill@TIME, "
                    + "broker-pause@TIME:LENGTH (TIME from the window's start; repeatable).")
    List<String> faults = new ArrayList<>();

    @Option(names = "--url-poll", paramLabel = "TEMPLATE",
            description = "External target: short polling URL, e.g. http://host:8080/poll/{topic}?after={seq}.")
    String urlPoll;

    @Option(names = "--url-long-poll", paramLabel = "TEMPLATE", description = "External target: long polling URL template.")
    String urlLongPoll;

    @Option(names = "--url-sse", paramLabel = "TEMPLATE", description = "External target: SSE URL template, e.g. http://host:8080/sse/{topic}.")
    String urlSse;

    @Option(names = "--url-ws", paramLabel = "TEMPLATE", description = "External target: WebSocket URL template, e.g. ws://host:8080/ws/{topic}; messages may be the bare payload (text or binary) or pushbench's <seq> LF <payload>.")
    String urlWs;

    @Option(names = "--publish-url", paramLabel = "TEMPLATE",
            description = {"External target: where to publish; the scheme picks the publisher: "
                    + "http://host:8080/publish/{topic} (an HTTP request per message, POST of the payload by default), "
                    + "redis://host:6379/{topic} (Redis PUBLISH; the path is the channel template, default {topic}), "
                    + "postgresql://host:5432/db?user=postgres&channel={topic} (SELECT pg_notify(channel, payload); "
                    + "payload under 8000 bytes). {topic} must appear in the URL, the body or the channel.",
                    "Placeholders {topic} and {payload}, escaped with :json, :base64, :form or :url, e.g. {payload:json} "
                            + "(see docs/publishing.md)."})
    String publishUrl;

    @Option(names = "--publish-method", paramLabel = "METHOD",
            description = "External target, http:// publish URL: the request method. Default: POST.")
    String publishMethod;

    @Option(names = "--publish-body", paramLabel = "TEMPLATE",
            description = "External target, http:// publish URL: the body template, e.g. "
                    + "'{\"channel\":\"{topic:json}\",\"data\":\"{payload:json}\"}' or 'topic={topic:form}&data={payload:form}'. "
                    + "Default: the payload as it is (application/octet-stream).")
    String publishBody;

    @Option(names = "--publish-header", paramLabel = "'NAME: VALUE'",
            description = "External target, http:// publish URL: an extra request header, e.g. 'Authorization: apikey KEY' (repeatable).")
    List<String> publishHeaders = new ArrayList<>();

    @Option(names = "--publish-token", paramLabel = "TOKEN", description = "External target, http:// publish URL: sent as Authorization: Bearer TOKEN.")
    String publishToken;

    @Option(names = "--poll-body", paramLabel = "batch|single|lines", defaultValue = "batch",
            description = "External target: how a poll answer carries messages (pushbench batch, one payload, one per line).")
    String pollBody;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX",
            description = "External target: prefix of every topic name (letters, digits, '.', '_', '~', '-'); each "
                    + "strategy run adds r<n>-. Default: the run id and a dash (e.g. 20261125T154500Z-3f2a-r1-t0), so "
                    + "that runs against one running server never share a topic.")
    String topicPrefix;

    @Option(names = "--server-pid", paramLabel = "PID",
            description = "External target on this host: its process id. Server CPU = utime+stime from /proc over the "
                    + "window (the process and all its descendants, e.g. nginx's workers), per delivery; memory per "
                    + "connection from its RSS with vs without the clients.")
    Long serverPid;

    @Option(names = "--server-metrics-url", paramLabel = "URL",
            description = "External target on any host: its Prometheus/OpenMetrics text endpoint, read for "
                    + "process_cpu_seconds_total (server CPU) and process_resident_memory_bytes (memory).")
    String serverMetricsUrl;

    @Option(names = "--clock-probe", paramLabel = "endpoint|date|off",
            description = "How the server's clock offset is estimated (it is reported, never applied to latency): "
                    + "endpoint = GET /clock (pushbench's own servers; the default for embedded and fork); date = the "
                    + "Date header of a HEAD of the publish URL (whole seconds; the default for external targets, "
                    + "which have no /clock); off = no exchange.")
    String clockProbe;

    @Option(names = "--ws-deflate", description = "WebSocket clients offer permessage-deflate (and the server accepts it).")
    boolean wsDeflate;

    @Option(names = "--client-headers", paramLabel = "minimal|browser|FILE", defaultValue = "minimal",
            description = "Headers the clients send beyond their protocol's: minimal (none), browser (headless "
                    + "Chromium's for fetch(), EventSource and new WebSocket(), captured byte for byte), or a profile "
                    + "file of the same format (see docs/clients.md).")
    String clientHeaders;

    @Option(names = "--cookie-bytes", paramLabel = "BYTES", defaultValue = "0",
            description = "A Cookie header line of this size (name, value, CRLF) in every request and handshake; 0 = none.")
    int cookieBytes;

    @Option(names = "--network", paramLabel = "lan|wan|mobile|RTT[,LOSS%]",
            description = "Put a network between the clients and the server: lan 1ms, wan 50ms, mobile 150ms with 1%% "
                    + "loss, or e.g. 100ms or 80ms,0.5%%. tc netem on a veth pair into a network namespace where the "
                    + "kernel has netem, else a user-space relay that delays each direction (no loss). Linux, root.")
    String network;

    @Option(names = "--network-emulator", paramLabel = "auto|netem|relay", defaultValue = "auto",
            description = "How --network is emulated: auto = netem if the kernel has it, else relay.")
    String networkEmulator;

    @Option(names = "--max-publisher-lag", paramLabel = "DURATION", defaultValue = "100ms",
            description = "Invalid run when the publisher's lag behind its schedule has p99.9 above this.")
    String maxPublisherLag;

    @Option(names = "--max-loader-stall", paramLabel = "DURATION", defaultValue = "100ms",
            description = "Invalid run when the load generator's event-loop stall has p99.9 above this.")
    String maxLoaderStall;

    @Option(names = "--client-threads", paramLabel = "N", defaultValue = "" + Defaults.CLIENT_THREADS,
            description = "Client event-loop threads.")
    int clientThreads;

    @Option(names = "--source-addresses", paramLabel = "N", defaultValue = "" + Defaults.SOURCE_ADDRESSES,
            description = "Loopback source addresses 127.0.0.1..N to spread connections over (each has ~28k ports).")
    int sourceAddresses;

    @Option(names = "--publisher-connections", paramLabel = "N", defaultValue = "" + Defaults.PUBLISHER_CONNECTIONS,
            description = "Keep-alive publish connections (topics are spread over them).")
    int publisherConnections;

    @Option(names = "--out", paramLabel = "FOLDER", description = "The run folder. Default: results/<run-id>/.")
    Path out;

    @Option(names = "--no-post-run", description = "Skip the steps after the report (e.g. charts).")
    boolean noPostRun;

    @Option(names = "--delivery-log", description = "Also write every window delivery's latency from its scheduled "
            + "time (µs, one per line) to <strategy>.deliveries.txt in the run folder: an audit of the histograms; "
            + "slows the load generator, for small runs.")
    boolean deliveryLog;

    @CommandLine.Mixin
    io.pushbench.bench.shard.ShardOptions shardOptions = new io.pushbench.bench.shard.ShardOptions();

    @Override
    public Integer call() throws Exception {
        RunSettings settings;
        ServerTarget target;
        ExternalTarget external;
        ClockProbe probe;
        io.pushbench.bench.shard.ShardPlan shardPlan;
        try {
            settings = settings();
            external = externalTarget();
            shardPlan = shardOptions.plan(settings, external != null, topicPrefix != null, publishToken, java.time.Instant.now());
            if (shardOptions.loaders() > 0) {
                if (external != null) {
                    throw new IllegalArgumentException("--loaders starts its own servers: leave out --url-* and --publish-url");
                }
                io.pushbench.bench.shard.LocalLoaders.check(settings, shardOptions);
                return runLoaders(settings);
            }
            target = NetworkOption.wrap(target(external, settings), network, networkEmulator);
            probe = clockProbe == null ? null : ClockProbe.fromLabel(clockProbe);
            if (target instanceof ExternalServerTarget ext) {
                checkPublishTarget(ext.publishTarget(), settings);
                if (shardPlan != null) {
                    ext.withCounters(shardOptions.shardServers());
                }
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        PrintWriter stdout = spec.commandLine().getOut();
        ProgressLine progress = new ProgressLine(stdout, System.console() != null);
        List<String> commandLine = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        LoadRun.Outcome outcome;
        try {
            LoadRun run = new LoadRun(settings, target, external, Path.of(Defaults.RESULTS_FOLDER), out, commandLine,
                    progress).clockProbe(probe).deliveryLog(deliveryLog);
            outcome = (shardPlan == null ? run : run.shard(shardPlan)).execute();
        } catch (java.io.IOException e) {
            // a server that did not start, clients that could not connect (the message names a hit limit)
            progress.close();
            spec.commandLine().getErr().println("run failed: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return LoadRun.EXIT_INVALID;
        } finally {
            progress.close();
        }
        stdout.println();
        stdout.print(SummaryTable.render(outcome.report()));
        printPublishSide(outcome.report(), stdout);
        io.pushbench.bench.run.brokers.BrokerSummary.lines(outcome.report()).forEach(stdout::println);
        if (!outcome.report().validity().valid()) {
            stdout.println(outcome.report().validity().verdict().label().toUpperCase(java.util.Locale.ROOT) + " RUN:");
            outcome.report().validity().reasons().forEach(r -> stdout.println("  - " + r));
        }
        stdout.println("report written to " + outcome.reportFile().toAbsolutePath().normalize());
        stdout.flush();
        if (!noPostRun) {
            runPostSteps(outcome, stdout);
        }
        return outcome.exitCode();
    }

    /** {@code --loaders N}: N local shard processes, merged; prints the merged table like a run. */
    private int runLoaders(RunSettings settings) throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        io.pushbench.bench.shard.LocalLoaders.Result result;
        try {
            result = new io.pushbench.bench.shard.LocalLoaders(settings, shardOptions, serverArgs, forkJvmArgs, out, stdout).run();
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("run failed: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return LoadRun.EXIT_INVALID;
        }
        stdout.println();
        stdout.print(SummaryTable.render(result.report()));
        io.pushbench.report.ScaleMemory m = result.report().sharding().memory();
        stdout.printf(Locale.ROOT, "memory per connection (%,d connections): servers %,.0f B (%d processes), loaders %,.0f B (%d processes)%n",
                m.connections(), m.serverBytesPerConnection(), m.serverProcesses(), m.loaderBytesPerConnection(), m.loaderProcesses());
        MergeCommand.printVerdict(result.report(), stdout);
        stdout.println("report written to " + result.reportFile());
        stdout.flush();
        return result.report().validity().valid() ? 0 : LoadRun.EXIT_INVALID;
    }

    /**
     * The publisher's side when it is not the plain one (all {@code 200}, no reconnect): the answers per status,
     * reconnects, and publishes of unknown fate (which do not make a run invalid, so they are named here).
     */
    private static void printPublishSide(io.pushbench.report.RunReport report, PrintWriter stdout) {
        for (io.pushbench.report.StrategyResult r : report.results()) {
            io.pushbench.report.PublishFigures p = r.publish();
            if (p == null) {
                continue;
            }
            boolean plainStatuses = p.statusCounts().keySet().stream().allMatch(s -> s == 200);
            if (!plainStatuses || p.reconnects() > 0 || p.resent() > 0) {
                StringBuilder line = new StringBuilder(r.strategy().label()).append(" publish answers:");
                p.statusCounts().forEach((status, count) -> line.append(' ').append(status).append(" x ").append(count));
                line.append("; ").append(p.reconnects()).append(" reconnects, ").append(p.resent()).append(" resent");
                stdout.println(line);
            }
            if (p.fateUnknown() > 0) {
                stdout.println(r.strategy().label() + ": " + p.fateUnknown() + (p.fateUnknown() == 1 ? " publish" : " publishes")
                        + " of unknown fate (written, connection closed before an answer; not sent again, not counted "
                        + "as the server's loss); " + p.fateUnknownUndelivered() + " of their deliveries never arrived");
            }
        }
    }

    private void runPostSteps(LoadRun.Outcome outcome, PrintWriter stdout) {
        for (PostRunStep step : PostRunSteps.steps()) {
            try {
                step.afterRun(outcome.report(), outcome.reportFile().getParent(), stdout);
            } catch (Exception e) {
                stdout.println("post-run step failed (the report is fine): " + e.getMessage());
            }
        }
    }

    RunSettings settings() {
        Preset p = preset == null ? null : Preset.fromLabel(preset);
        WorkloadParameters w = new WorkloadParameters(
                clients != null ? clients : Defaults.CLIENTS,
                topics != null ? TopicMode.fromLabel(topics) : p != null ? p.topics() : TopicMode.fromLabel(Defaults.TOPICS),
                rate != null ? rate : p != null ? p.publishRatePerSec() : Defaults.RATE_PER_SEC,
                Arrivals.fromLabel(arrivals),
                payload != null ? payload : p != null ? p.payloadBytes() : Defaults.PAYLOAD_BYTES,
                pollInterval != null ? duration("--poll-interval", pollInterval) : p != null ? p.pollInterval() : Defaults.POLL_INTERVAL,
                duration("--long-poll-hold", longPollHold),
                rampUpPerSec, duration("--warmup", warmup), duration("--duration", duration), seed);
        Sweep s = sweep == null ? null : Sweep.parse(sweep, w);
        List<Strategy> list = Strategy.parseList(strategies);
        return new RunSettings(list, w, p == null ? null : p.label(), s, repeat,
                duration("--max-publisher-lag", maxPublisherLag).toNanos() / 1000,
                duration("--max-loader-stall", maxLoaderStall).toNanos() / 1000, positive("--client-threads", clientThreads),
                sourceAddresses, wsDeflate, positive("--publisher-connections", publisherConnections),
                io.pushbench.bench.client.headers.ClientHeaders.parse(clientHeaders).withCookieBytes(cookieBytes));
    }

    private ExternalTarget externalTarget() {
        Map<Strategy, String> templates = templates();
        if (publishUrl == null && (publishMethod != null || publishBody != null || !publishHeaders.isEmpty())) {
            throw new IllegalArgumentException("--publish-method, --publish-body and --publish-header need --publish-url");
        }
        if (templates.isEmpty()) {
            if (publishUrl != null) {
                throw new IllegalArgumentException("--publish-url needs at least one --url-* template");
            }
            return null;
        }
        if (publishUrl == null) {
            throw new IllegalArgumentException("an external target (--url-*) needs --publish-url");
        }
        Map<String, String> byLabel = new java.util.TreeMap<>();
        templates.forEach((s, t) -> byLabel.put(s.label(), t));
        // a polling template without {seq} makes the clients resume with If-None-Match / If-Modified-Since
        String pollTemplate = templates.getOrDefault(Strategy.SHORT_POLLING, templates.get(Strategy.LONG_POLLING));
        boolean conditional = pollTemplate != null && !pollTemplate.contains(io.pushbench.bench.client.UrlTemplate.SEQ);
        return new ExternalTarget(byLabel, publishUrl, conditional ? "conditional" : "query");
    }

    private Map<Strategy, String> templates() {
        Map<Strategy, String> t = new EnumMap<>(Strategy.class);
        if (urlPoll != null) {
            t.put(Strategy.SHORT_POLLING, urlPoll);
        }
        if (urlLongPoll != null) {
            t.put(Strategy.LONG_POLLING, urlLongPoll);
        }
        if (urlSse != null) {
            t.put(Strategy.SSE, urlSse);
        }
        if (urlWs != null) {
            t.put(Strategy.WEBSOCKET, urlWs);
        }
        return t;
    }

    private ServerTarget target(ExternalTarget external, RunSettings settings) {
        if (external != null) {
            Map<Strategy, String> templates = templates();
            for (Strategy s : settings.strategies()) {
                if (!templates.containsKey(s)) {
                    throw new IllegalArgumentException("strategy " + s.label() + " has no URL template (--url-"
                            + s.label() + "); give one or leave it out of --strategies");
                }
            }
            if (topicPrefix != null && !topicPrefix.matches("[A-Za-z0-9._~-]+")) {
                throw new IllegalArgumentException("invalid --topic-prefix '" + topicPrefix
                        + "': use letters, digits, '.', '_', '~' and '-' only (it goes into URLs and channel names)");
            }
            if (serverPid != null && serverMetricsUrl != null) {
                throw new IllegalArgumentException("give --server-pid or --server-metrics-url, not both");
            }
            ExternalServerTarget ext = new ExternalServerTarget(templates,
                    PublishTarget.parse(publishUrl, publishMethod, publishBody, publishHeaders, publishToken),
                    pollBodyFormat(), topicPrefix);
            if (serverPid != null) {
                ext.withResources(io.pushbench.bench.run.servers.ProcessTreeResources.of(serverPid));
            } else if (serverMetricsUrl != null) {
                ext.withResources(io.pushbench.bench.run.servers.OpenMetricsResources.of(serverMetricsUrl));
            }
            return ext;
        }
        if (serverPid != null || serverMetricsUrl != null) {
            throw new IllegalArgumentException("--server-pid and --server-metrics-url are for an external target "
                    + "(--url-*); pushbench's own servers are measured from inside");
        }
        if (topicPrefix != null) {
            throw new IllegalArgumentException("--topic-prefix is for an external target (--url-*); pushbench's own "
                    + "server is fresh for every strategy run");
        }
        BrokerSetup brokers = BrokerSetup.of(instances, broker, publishTo, brokerPid, faults, server);
        if (brokers.active()) {
            if (brokers.broker().kind() == BrokerKind.POSTGRES_NOTIFY) {
                String longestTopic = settings.workload().topics().topicOf(settings.workload().clients() - 1);
                int limit = PostgresNotifyBroker.maxPayloadBytes(longestTopic);
                if (largestPayload(settings) > limit) {
                    throw new IllegalArgumentException("payload of " + largestPayload(settings) + " bytes is too large "
                            + "for PostgreSQL NOTIFY: a notification must be shorter than "
                            + PostgresNotifyBroker.MAX_NOTIFY_BYTES + " bytes, which leaves at most " + limit
                            + " payload bytes beside the broker's header and topic '" + longestTopic + "'");
                }
            }
            ClusterServerTarget cluster = new ClusterServerTarget(brokers, server.equalsIgnoreCase("fork"),
                    settings.wsDeflate(), serverArgs, forkJvmArgs,
                    out != null ? out : Path.of(Defaults.RESULTS_FOLDER, "server-logs"));
            cluster.checkReachable();
            return cluster;
        }
        switch (server.toLowerCase(Locale.ROOT)) {
            case "embedded":
                return new EmbeddedServerTarget(settings.wsDeflate(), serverArgs);
            case "fork": {
                Path logs = out != null ? out : Path.of(Defaults.RESULTS_FOLDER, "server-logs");
                return new ForkedServerTarget(settings.wsDeflate(), serverArgs, forkJvmArgs, logs);
            }
            default:
                throw new IllegalArgumentException("invalid --server '" + server + "': expected embedded or fork "
                        + "(for an external server give --url-* templates and --publish-url)");
        }
    }

    /**
     * Refuses a payload {@code NOTIFY} cannot carry, and a publish target that cannot be reached (with the publisher's
     * own client: a TCP connection for HTTP, a Redis or PostgreSQL session for a broker), before any client connects.
     */
    private static void checkPublishTarget(PublishTarget publish, RunSettings settings) {
        if (publish.kind() == PublishTarget.Kind.POSTGRES) {
            int largest = largestPayload(settings);
            if (largest > PostgresPublisher.MAX_PAYLOAD_BYTES) {
                throw new IllegalArgumentException("payload of " + largest + " bytes is too large for PostgreSQL NOTIFY: "
                        + "its payload must be shorter than 8000 bytes (at most " + PostgresPublisher.MAX_PAYLOAD_BYTES + ")");
            }
        }
        try (Publisher probe = Publishers.create(publish, PublishOutcomes.IGNORE, 1, "pushbench-publish-check")) {
            probe.start();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("publish target unreachable: " + e.getMessage());
        }
    }

    /** The largest payload of the run: the workload's, or the largest of a payload sweep. */
    private static int largestPayload(RunSettings settings) {
        int largest = settings.workload().payloadBytes();
        if (settings.sweep() != null && settings.sweep().parameter() == io.pushbench.bench.workload.SweepParameter.PAYLOAD) {
            for (String v : settings.sweep().values()) {
                largest = Math.max(largest, settings.sweep().parameter().apply(settings.workload(), v).payloadBytes());
            }
        }
        return largest;
    }

    private PollBodyFormat pollBodyFormat() {
        switch (pollBody.toLowerCase(Locale.ROOT)) {
            case "batch": return PollBodyFormat.PUSHBENCH_BATCH;
            case "single": return PollBodyFormat.SINGLE;
            case "lines": return PollBodyFormat.LINES;
            default: throw new IllegalArgumentException("invalid --poll-body '" + pollBody + "': expected batch, single or lines");
        }
    }

    private static Duration duration(String option, String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    private static int positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be >= 1, got " + value);
        }
        return value;
    }
}
