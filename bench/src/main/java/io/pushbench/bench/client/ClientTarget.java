package io.pushbench.bench.client;

import io.pushbench.model.Strategy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the clients connect and how the server frames messages.
 *
 * <p>Two kinds:
 * <ul>
 *   <li>{@link #pushbench(String, int)}: a pushbench server (embedded, forked or remote) speaking
 *       {@code docs/wire-format.md}; seqs, lost notices and the batch format come from its framing.</li>
 *   <li>{@link #external(Map, PollBodyFormat, PayloadSeqReader)}: any server, given a URL template per strategy.
 *       Messages are payload-only (a polling body per {@link PollBodyFormat}, SSE {@code data:} with or without
 *       {@code id:}, WebSocket text or binary frames holding just the payload, or pushbench's {@code <seq> LF}
 *       before it, told apart per message); seqs are read from the payload.</li>
 * </ul>
 */
public final class ClientTarget {
    private final Map<Strategy, UrlTemplate> templates;
    private final boolean pushbenchFraming;
    private final PollBodyFormat pollBodyFormat;
    private final PayloadSeqReader seqReader;
    /** Where connections go when not to the templates' host and port (a link emulator in between), or null. */
    private final java.net.InetSocketAddress connectAddress;
    /** The server instances clients are spread over (round-robin by client id); just this target for one server. */
    private final List<ClientTarget> instances;

    private ClientTarget(Map<Strategy, UrlTemplate> templates, boolean pushbenchFraming, PollBodyFormat pollBodyFormat,
                         PayloadSeqReader seqReader) {
        this(templates, pushbenchFraming, pollBodyFormat, seqReader, null);
    }

    private ClientTarget(Map<Strategy, UrlTemplate> templates, boolean pushbenchFraming, PollBodyFormat pollBodyFormat,
                         PayloadSeqReader seqReader, java.net.InetSocketAddress connectAddress) {
        this.connectAddress = connectAddress;
        this.templates = templates;
        this.pushbenchFraming = pushbenchFraming;
        this.pollBodyFormat = pollBodyFormat;
        this.seqReader = seqReader;
        this.instances = List.of(this);
    }

    private ClientTarget(List<ClientTarget> instances) {
        ClientTarget first = instances.get(0);
        this.connectAddress = first.connectAddress;
        this.templates = first.templates;
        this.pushbenchFraming = first.pushbenchFraming;
        this.pollBodyFormat = first.pollBodyFormat;
        this.seqReader = first.seqReader;
        this.instances = List.copyOf(instances);
    }

    /**
     * Several pushbench server instances behind one broker: client {@code id} starts on instance {@code id % N} and,
     * when its connection fails, reconnects to the next instance with its seq (docs/brokers.md).
     */
    public static ClientTarget instances(List<ClientTarget> instances) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("no server instance");
        }
        return instances.size() == 1 ? instances.get(0) : new ClientTarget(instances);
    }

    /** How many server instances the clients are spread over (1 for one server). */
    public int instanceCount() {
        return instances.size();
    }

    /** The port of every instance's URL template for this strategy (one port for one server). */
    public List<Integer> instancePorts(Strategy strategy) {
        return instances.stream().map(i -> i.template(strategy).port()).toList();
    }

    /** Instance {@code index} (0-based) of {@link #instanceCount()}. */
    public ClientTarget instance(int index) {
        return instances.get(index);
    }

    /** A pushbench server at host:port, every strategy at its standard path with {@code ?after={seq}}. */
    public static ClientTarget pushbench(String host, int port) {
        String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        Map<Strategy, UrlTemplate> t = new EnumMap<>(Strategy.class);
        for (Strategy s : Strategy.values()) {
            String scheme = s == Strategy.WEBSOCKET ? "ws" : "http";
            t.put(s, UrlTemplate.parse(scheme + "://" + authority + s.pathPrefix() + UrlTemplate.TOPIC + "?after=" + UrlTemplate.SEQ));
        }
        return new ClientTarget(t, true, PollBodyFormat.PUSHBENCH_BATCH, PayloadSeqReader.NONE);
    }

    /**
     * Any server, given URL templates for the strategies to run (those not given cannot be started).
     *
     * @param urlTemplates   per strategy, e.g. {@code http://h:8080/poll/{topic}?after={seq}} (see {@link UrlTemplate})
     * @param pollBodyFormat how polling responses carry messages
     * @param seqReader      reads topic seqs from payloads (the load generator's payload header)
     */
    public static ClientTarget external(Map<Strategy, String> urlTemplates, PollBodyFormat pollBodyFormat,
                                        PayloadSeqReader seqReader) {
        Map<Strategy, UrlTemplate> t = new EnumMap<>(Strategy.class);
        urlTemplates.forEach((s, text) -> t.put(s, UrlTemplate.parse(text)));
        for (Map.Entry<Strategy, UrlTemplate> e : t.entrySet()) {
            boolean ws = e.getValue().scheme().equals("ws");
            if (ws != (e.getKey() == Strategy.WEBSOCKET)) {
                throw new IllegalArgumentException("URL template for " + e.getKey() + " must use scheme "
                        + (e.getKey() == Strategy.WEBSOCKET ? "ws" : "http") + ": " + e.getValue());
            }
        }
        return new ClientTarget(t, false, Objects.requireNonNull(pollBodyFormat), Objects.requireNonNull(seqReader));
    }

    /**
     * The URL template of a strategy.
     *
     * @throws IllegalArgumentException when this target has none for the strategy
     */
    public UrlTemplate template(Strategy strategy) {
        UrlTemplate t = templates.get(strategy);
        if (t == null) {
            throw new IllegalArgumentException("no URL template for strategy " + strategy.label() + " in target " + this);
        }
        return t;
    }

    /**
     * The same target reached through {@code address} (e.g. a relay emulating a network): connections go there, while
     * requests stay exactly as the templates make them (Host header, paths).
     */
    public ClientTarget connectingTo(java.net.InetSocketAddress address) {
        return new ClientTarget(templates, pushbenchFraming, pollBodyFormat, seqReader, address);
    }

    /** Where connections go instead of the templates' host and port, or null (there). */
    public java.net.InetSocketAddress connectAddress() {
        return connectAddress;
    }

    /** True for a pushbench server: seq and lost notices come from the framing of docs/wire-format.md. */
    public boolean pushbenchFraming() {
        return pushbenchFraming;
    }

    public PollBodyFormat pollBodyFormat() {
        return pollBodyFormat;
    }

    public PayloadSeqReader seqReader() {
        return seqReader;
    }

    @Override
    public String toString() {
        return (pushbenchFraming ? "pushbench " : "external ") + templates.values()
                + (connectAddress == null ? "" : " via " + connectAddress);
    }
}
