package io.pushbench.server;

import java.time.Duration;

/** The server's defaults, one place, shared by {@link PushServerConfig.Builder} and the command line. */
public final class Defaults {

    /** Loopback only unless told otherwise. */
    public static final String BIND_ADDRESS = "127.0.0.1";
    /** The standalone server's port (embedded servers default to 0, a free port). */
    public static final int STANDALONE_PORT = 8080;
    /** How long a long poll is held before {@code 204}: 30 s, as common long-polling servers do. */
    public static final String LONG_POLL_HOLD_TEXT = "30s";
    /** {@link #LONG_POLL_HOLD_TEXT} as a Duration. */
    public static final Duration LONG_POLL_HOLD = DurationConverter.parse(LONG_POLL_HOLD_TEXT);
    /** Most messages in one poll answer. */
    public static final int BATCH_LIMIT = 1000;
    /** Messages kept per topic. */
    public static final int RETENTION_COUNT = 10_000;
    /** Oldest message age kept per topic. */
    public static final String RETENTION_AGE_TEXT = "5m";
    /** {@link #RETENTION_AGE_TEXT} as a Duration. */
    public static final Duration RETENTION_AGE = DurationConverter.parse(RETENTION_AGE_TEXT);
    /** Most topics that may exist at once. */
    public static final int MAX_TOPICS = 100_000;
    /** The SSE {@code retry:} reconnection hint. */
    public static final String SSE_RETRY_TEXT = "3s";
    /** {@link #SSE_RETRY_TEXT} as a Duration. */
    public static final Duration SSE_RETRY = DurationConverter.parse(SSE_RETRY_TEXT);
    /** SSE heartbeat interval: off, so a benchmark's bytes are messages only unless asked for. */
    public static final String SSE_HEARTBEAT_TEXT = "0";
    /** Most open connections (a process may hold at most 20,000 open files here). */
    public static final int MAX_CONNECTIONS = 10_000;
    /** Longest request line, bytes. */
    public static final int MAX_REQUEST_LINE_BYTES = 4096;
    /** Largest header block, bytes. */
    public static final int MAX_HEADER_BYTES = 8192;
    /** Largest request body, bytes (1 MiB). */
    public static final int MAX_BODY_BYTES = 1 << 20;
    /** Largest WebSocket frame payload from a client, bytes (64 KiB). */
    public static final int MAX_WS_FRAME_BYTES = 64 << 10;
    /** Netty's default low water mark, bytes (32 KiB). */
    public static final int WRITE_BUFFER_LOW_WATER_MARK_BYTES = 32 << 10;
    /** Netty's default high water mark, bytes (64 KiB): the per-connection outbound limit. */
    public static final int WRITE_BUFFER_HIGH_WATER_MARK_BYTES = 64 << 10;
    /** How long a push may stay blocked by a full outbound buffer before the server closes it. */
    public static final String SLOW_CONSUMER_TIMEOUT_TEXT = "10s";
    /** {@link #SLOW_CONSUMER_TIMEOUT_TEXT} as a Duration. */
    public static final Duration SLOW_CONSUMER_TIMEOUT = DurationConverter.parse(SLOW_CONSUMER_TIMEOUT_TEXT);

    /** How long a client has to send a whole request (head and body) once it started, or a new connection its first byte. */
    public static final String REQUEST_READ_TIMEOUT_TEXT = "10s";
    /** {@link #REQUEST_READ_TIMEOUT_TEXT} as a Duration. */
    public static final Duration REQUEST_READ_TIMEOUT = DurationConverter.parse(REQUEST_READ_TIMEOUT_TEXT);
    /** How long a keep-alive connection may sit between an answer and the next request. */
    public static final String IDLE_TIMEOUT_TEXT = "60s";
    /** {@link #IDLE_TIMEOUT_TEXT} as a Duration. */
    public static final Duration IDLE_TIMEOUT = DurationConverter.parse(IDLE_TIMEOUT_TEXT);
    /** How long a client's fragmented WebSocket message may stay unfinished. */
    public static final String WS_ASSEMBLY_TIMEOUT_TEXT = "10s";
    /** {@link #WS_ASSEMBLY_TIMEOUT_TEXT} as a Duration. */
    public static final Duration WS_ASSEMBLY_TIMEOUT = DurationConverter.parse(WS_ASSEMBLY_TIMEOUT_TEXT);
    /** How long a WebSocket closed as a slow consumer keeps its TCP connection for its reader to take the close frame. */
    public static final String SLOW_CONSUMER_CLOSE_GRACE_TEXT = "5s";
    /** {@link #SLOW_CONSUMER_CLOSE_GRACE_TEXT} as a Duration. */
    public static final Duration SLOW_CONSUMER_CLOSE_GRACE = DurationConverter.parse(SLOW_CONSUMER_CLOSE_GRACE_TEXT);

    private Defaults() {
    }
}
