package io.pushbench.bench.workload;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Named workloads that read like real uses. A preset sets topics, rate, payload and poll interval; explicit
 * command-line options override it.
 */
public enum Preset {
    /** A live price ticker: every client watches one feed updated once a second. */
    TICKER("ticker", "one broadcast topic, 1 msg/s, 128-byte payloads, polling every 1s",
            TopicMode.SINGLE, 1.0, 128, Duration.ofSeconds(1)),
    /** A busy chat room: everyone in one room, a message every half second, polling every 2 s. */
    CHAT("chat", "one room (broadcast), 2 msg/s, 256-byte messages, polling every 2s",
            TopicMode.SINGLE, 2.0, 256, Duration.ofSeconds(2)),
    /** Per-user notifications: rare messages to each user alone; where polling wastes most. */
    NOTIFICATIONS("notifications", "one topic per client, 1 msg per 10 s each, 512-byte payloads, polling every 5s",
            TopicMode.PER_CLIENT, 0.1, 512, Duration.ofSeconds(5)),
    /** A firehose: a high-rate broadcast; where long polling degrades into batching. */
    FIREHOSE("firehose", "one broadcast topic, 20 msg/s, 64-byte payloads, polling every 1s",
            TopicMode.SINGLE, 20.0, 64, Duration.ofSeconds(1));

    private final String label;
    private final String description;
    private final TopicMode topics;
    private final double publishRatePerSec;
    private final int payloadBytes;
    private final Duration pollInterval;

    Preset(String label, String description, TopicMode topics, double publishRatePerSec, int payloadBytes,
           Duration pollInterval) {
        this.label = label;
        this.description = description;
        this.topics = topics;
        this.publishRatePerSec = publishRatePerSec;
        this.payloadBytes = payloadBytes;
        this.pollInterval = pollInterval;
    }

    public String label() {
        return label;
    }

    /** One line for {@code --help}. */
    public String description() {
        return description;
    }

    public TopicMode topics() {
        return topics;
    }

    public double publishRatePerSec() {
        return publishRatePerSec;
    }

    public int payloadBytes() {
        return payloadBytes;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    /** @throws IllegalArgumentException naming the presets */
    public static Preset fromLabel(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Preset p : values()) {
            if (p.label.equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + text + "': expected one of " + labels());
    }

    /** {@code ticker, chat, notifications, firehose}. */
    public static String labels() {
        return Arrays.stream(values()).map(Preset::label).collect(Collectors.joining(", "));
    }
}
