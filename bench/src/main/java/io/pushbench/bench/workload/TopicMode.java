package io.pushbench.bench.workload;

import java.util.Locale;

/** How clients map to topics. */
public enum TopicMode {
    /** One topic; every message is broadcast to every client. */
    SINGLE("1"),
    /** One topic per client; every message goes to exactly one client. */
    PER_CLIENT("per-client");

    private final String label;

    TopicMode(String label) {
        this.label = label;
    }

    /** The label used on the command line and in the report: {@code 1} or {@code per-client}. */
    public String label() {
        return label;
    }

    /** Topics needed for {@code clients} clients. */
    public int topicCount(int clients) {
        return this == SINGLE ? 1 : clients;
    }

    /** The topic name a client subscribes to. */
    public String topicOf(int clientId) {
        return this == SINGLE ? "t0" : "c" + clientId;
    }

    /** The topic name with index {@code topicIndex} (0 .. topicCount-1). */
    public String topicName(int topicIndex) {
        return this == SINGLE ? "t0" : "c" + topicIndex;
    }

    /** @throws IllegalArgumentException naming the accepted labels */
    public static TopicMode fromLabel(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (TopicMode m : values()) {
            if (m.label.equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("invalid topics '" + text + "': expected 1 or per-client");
    }
}
