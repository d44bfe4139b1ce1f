package io.pushbench.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The four ways a web page gets live data from a server, as pushbench measures them.
 *
 * <p>Each strategy has one short label, used everywhere a strategy is named by a person or a file:
 * command-line flags ({@code --strategies poll,ws}), JSON keys, file names and chart legends; and a
 * display name for tables and chart titles. The server path prefix is where the server serves it.
 */
public enum Strategy {
    /** Ask every T seconds; the server answers at once, with messages or {@code 204}. */
    SHORT_POLLING("poll", "Short polling", "/poll/"),
    /** Ask; the server holds the request until there is data or the hold timeout answers {@code 204}. */
    LONG_POLLING("long-poll", "Long polling", "/long-poll/"),
    /** One {@code text/event-stream} response that never ends; one event per message. */
    SSE("sse", "Server-Sent Events", "/sse/"),
    /** An HTTP Upgrade to RFC 6455 WebSocket; one frame per message. */
    WEBSOCKET("ws", "WebSocket", "/ws/");

    private final String label;
    private final String displayName;
    private final String pathPrefix;

    Strategy(String label, String displayName, String pathPrefix) {
        this.label = label;
        this.displayName = displayName;
        this.pathPrefix = pathPrefix;
    }

    /** The short label: {@code poll}, {@code long-poll}, {@code sse} or {@code ws}. */
    public String label() {
        return label;
    }

    /** The name for tables, titles and legends, e.g. {@code "Long polling"}. */
    public String displayName() {
        return displayName;
    }

    /** The server path prefix, e.g. {@code "/long-poll/"}; the topic follows it. */
    public String pathPrefix() {
        return pathPrefix;
    }

    /**
     * The strategy with this label (case-insensitive); the enum constant name is accepted too.
     *
     * @throws IllegalArgumentException naming the accepted labels when none matches
     */
    public static Strategy fromLabel(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (Strategy s : values()) {
            if (s.label.equals(wanted) || s.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + text + "'; expected one of " + labels());
    }

    /** All labels, comma separated, in declaration order: {@code poll, long-poll, sse, ws}. */
    public static String labels() {
        return Arrays.stream(values()).map(Strategy::label).collect(Collectors.joining(", "));
    }

    /** Parses a comma-separated list of labels, keeping the order given and dropping repeats. */
    public static List<Strategy> parseList(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .filter(s -> !s.isBlank())
                .map(Strategy::fromLabel)
                .distinct()
                .collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return label;
    }
}
