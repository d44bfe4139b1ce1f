package io.pushbench.server;

import io.pushbench.server.broker.BrokerUrl;
import io.pushbench.server.log.Retention;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Everything the server can be told, validated. Build with {@link #builder()}; every setting has a safe
 * default (see {@link Builder}).
 *
 * <p>Typical use:
 * <pre>{@code
 * PushServerConfig config = PushServerConfig.builder().port(0).longPollHold(Duration.ofMillis(300)).build();
 * }</pre>
 */
public record PushServerConfig(
        String bindAddress,
        int port,
        Duration longPollHold,
        int batchLimit,
        int retentionCount,
        Duration retentionAge,
        int maxTopics,
        Duration sseRetry,
        Duration sseHeartbeat,
        boolean wsDeflate,
        int maxConnections,
        int maxRequestLineBytes,
        int maxHeaderBytes,
        int maxBodyBytes,
        int maxWsFrameBytes,
        int writeBufferLowWaterMarkBytes,
        int writeBufferHighWaterMarkBytes,
        Duration slowConsumerTimeout,
        Duration writeDelay,
        String publishToken,
        int bossThreads,
        int workerThreads,
        TransportChoice transport,
        Duration requestReadTimeout,
        Duration idleTimeout,
        Duration wsAssemblyTimeout,
        Duration slowConsumerCloseGrace,
        String corsAllowOrigin,
        java.nio.file.Path pageDir,
        BrokerUrl broker) {

    /** A builder with every default set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The retention this config asks for. */
    public Retention retention() {
        return new Retention(retentionCount, retentionAge);
    }

    /** Whether publishing needs {@code Authorization: Bearer <token>}. */
    public boolean publishNeedsToken() {
        return publishToken != null && !publishToken.isEmpty();
    }

    /** The longest write delay accepted: beyond it a push would be a poll. */
    public static final Duration MAX_WRITE_DELAY = Duration.ofSeconds(1);

    /** Builds a {@link PushServerConfig}; the field initialisers are the defaults. */
    public static final class Builder {
        private String bindAddress = Defaults.BIND_ADDRESS;
        private int port = 0;
        private Duration longPollHold = Defaults.LONG_POLL_HOLD;
        private int batchLimit = Defaults.BATCH_LIMIT;
        private int retentionCount = Defaults.RETENTION_COUNT;
        private Duration retentionAge = Defaults.RETENTION_AGE;
        private int maxTopics = Defaults.MAX_TOPICS;
        private Duration sseRetry = Defaults.SSE_RETRY;
        private Duration sseHeartbeat = Duration.ZERO;
        private boolean wsDeflate = false;
        private int maxConnections = Defaults.MAX_CONNECTIONS;
        private int maxRequestLineBytes = Defaults.MAX_REQUEST_LINE_BYTES;
        private int maxHeaderBytes = Defaults.MAX_HEADER_BYTES;
        private int maxBodyBytes = Defaults.MAX_BODY_BYTES;
        private int maxWsFrameBytes = Defaults.MAX_WS_FRAME_BYTES;
        private int writeBufferLowWaterMarkBytes = Defaults.WRITE_BUFFER_LOW_WATER_MARK_BYTES;
        private int writeBufferHighWaterMarkBytes = Defaults.WRITE_BUFFER_HIGH_WATER_MARK_BYTES;
        private Duration slowConsumerTimeout = Defaults.SLOW_CONSUMER_TIMEOUT;
        private Duration writeDelay = Duration.ZERO;
        private String publishToken = null;
        private int bossThreads = 1;
        private int workerThreads = 0;
        private TransportChoice transport = TransportChoice.AUTO;
        private Duration requestReadTimeout = Defaults.REQUEST_READ_TIMEOUT;
        private Duration idleTimeout = Defaults.IDLE_TIMEOUT;
        private Duration wsAssemblyTimeout = Defaults.WS_ASSEMBLY_TIMEOUT;
        private Duration slowConsumerCloseGrace = Defaults.SLOW_CONSUMER_CLOSE_GRACE;
        private String corsAllowOrigin;
        private java.nio.file.Path pageDir;
        private BrokerUrl broker = BrokerUrl.MEMORY;

        private Builder() {
        }

        /** Address to bind; default {@code 127.0.0.1}. A non-loopback address needs a publish token. */
        public Builder bindAddress(String v) { bindAddress = v; return this; }
        /** TCP port; 0 (default) = a free port chosen by the OS. */
        public Builder port(int v) { port = v; return this; }
        /** How long a long poll is held before answering {@code 204}; default 30 s. */
        public Builder longPollHold(Duration v) { longPollHold = v; return this; }
        /** Most messages in one poll answer; default 1000. */
        public Builder batchLimit(int v) { batchLimit = v; return this; }
        /** Messages kept per topic; default 10000. */
        public Builder retentionCount(int v) { retentionCount = v; return this; }
        /** Oldest message age kept; 0 = no age limit; default 5 min. */
        public Builder retentionAge(Duration v) { retentionAge = v; return this; }
        /** Most topics that may exist; default 100000. */
        public Builder maxTopics(int v) { maxTopics = v; return this; }
        /** The SSE {@code retry:} hint; default 3 s. */
        public Builder sseRetry(Duration v) { sseRetry = v; return this; }
        /** Interval of SSE heartbeat comments; 0 (default) = off. */
        public Builder sseHeartbeat(Duration v) { sseHeartbeat = v; return this; }
        /** Negotiate WebSocket permessage-deflate when a client offers it; default off. */
        public Builder wsDeflate(boolean v) { wsDeflate = v; return this; }
        /** Most open connections; more are answered {@code 503}; default 10000. */
        public Builder maxConnections(int v) { maxConnections = v; return this; }
        /** Longest HTTP request line, bytes; longer answers {@code 414}; default 4096. */
        public Builder maxRequestLineBytes(int v) { maxRequestLineBytes = v; return this; }
        /** Largest HTTP header block, bytes; larger answers {@code 431}; default 8192. */
        public Builder maxHeaderBytes(int v) { maxHeaderBytes = v; return this; }
        /** Largest request body, bytes; larger answers {@code 413}; default 1 MiB. */
        public Builder maxBodyBytes(int v) { maxBodyBytes = v; return this; }
        /** Largest WebSocket frame payload from a client, bytes; larger closes with 1009; default 64 KiB. */
        public Builder maxWsFrameBytes(int v) { maxWsFrameBytes = v; return this; }
        /** Outbound buffer size below which a paused push resumes, bytes; default 32 KiB. */
        public Builder writeBufferLowWaterMarkBytes(int v) { writeBufferLowWaterMarkBytes = v; return this; }
        /** Outbound buffer limit per connection, bytes; pushes pause before it; default 64 KiB. */
        public Builder writeBufferHighWaterMarkBytes(int v) { writeBufferHighWaterMarkBytes = v; return this; }
        /** How long a push may stay blocked by a full outbound buffer before the connection is closed; default 10 s. */
        public Builder slowConsumerTimeout(Duration v) { slowConsumerTimeout = v; return this; }
        /**
         * How long a push waits after a topic's message before it writes, so that every message of that
         * window goes to a connection in one write (SSE, WebSocket) or one answer (long polling): fewer
         * writes and system calls for up to this much more latency. 0 (default) = write at once.
         */
        public Builder writeDelay(Duration v) { writeDelay = v; return this; }
        /** Token required as {@code Authorization: Bearer <token>} to publish over HTTP; null (default) = none. */
        public Builder publishToken(String v) { publishToken = v; return this; }
        /** Acceptor threads; default 1. */
        public Builder bossThreads(int v) { bossThreads = v; return this; }
        /** Event-loop threads for connections; 0 (default) = Netty's default (2 x cores). */
        public Builder workerThreads(int v) { workerThreads = v; return this; }
        /** Netty transport; default AUTO (epoll where it loads, else NIO). */
        public Builder transport(TransportChoice v) { transport = v; return this; }
        /**
         * How long a client has to send a whole request (head and body) once its first byte came, and a new
         * connection to send its first byte; past it {@code 408} and close (a connection that sent nothing is
         * just closed). Default 10 s. Never applies while the server holds an answer (long poll, stream).
         */
        public Builder requestReadTimeout(Duration v) { requestReadTimeout = v; return this; }
        /** How long a keep-alive connection may sit between an answer and the next request before it is closed; default 60 s. */
        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
        /** How long a client's fragmented WebSocket message may stay unfinished before the close 1008; default 10 s. */
        public Builder wsAssemblyTimeout(Duration v) { wsAssemblyTimeout = v; return this; }
        /** How long a WebSocket closed as a slow consumer keeps its TCP connection for the close frame; default 5 s. */
        public Builder slowConsumerCloseGrace(Duration v) { slowConsumerCloseGrace = v; return this; }
        /**
         * The {@code Access-Control-Allow-Origin} value of every answer ({@code *} or one origin such as
         * {@code http://localhost:8080}), preflights ({@code OPTIONS}) answered; default null = no CORS headers.
         */
        public Builder corsAllowOrigin(String v) { corsAllowOrigin = v; return this; }
        /** A folder whose files are served at {@code /page/<name>} (a test page for browsers); default null = none. */
        public Builder pageDir(java.nio.file.Path v) { pageDir = v; return this; }
        /**
         * What carries publishes to the instances that fan them out: {@link BrokerUrl#MEMORY} (default: this process
         * only), Redis pub/sub, Redis Streams or PostgreSQL LISTEN/NOTIFY (docs/brokers.md).
         */
        public Builder broker(BrokerUrl v) { broker = v; return this; }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the first setting out of range, or refusing a
         *     non-loopback bind address without a publish token
         */
        public PushServerConfig build() {
            require(port >= 0 && port <= 65535, "port must be 0..65535, got " + port);
            requirePositive(longPollHold, "long-poll hold");
            require(batchLimit >= 1, "batch limit must be at least 1, got " + batchLimit);
            require(maxTopics >= 1, "max topics must be at least 1, got " + maxTopics);
            requirePositive(sseRetry, "SSE retry");
            require(sseHeartbeat != null && !sseHeartbeat.isNegative(), "SSE heartbeat must be 0 (off) or positive");
            require(maxConnections >= 1, "max connections must be at least 1, got " + maxConnections);
            require(maxRequestLineBytes >= 64, "max request line must be at least 64 bytes, got " + maxRequestLineBytes);
            require(maxHeaderBytes >= 256, "max header size must be at least 256 bytes, got " + maxHeaderBytes);
            require(maxBodyBytes >= 0, "max body size must be 0 or more bytes, got " + maxBodyBytes);
            require(maxWsFrameBytes >= 125, "max WebSocket frame must be at least 125 bytes, got " + maxWsFrameBytes);
            require(writeBufferLowWaterMarkBytes >= 1 && writeBufferLowWaterMarkBytes <= writeBufferHighWaterMarkBytes,
                    "write buffer water marks need 1 <= low <= high, got low " + writeBufferLowWaterMarkBytes
                            + ", high " + writeBufferHighWaterMarkBytes);
            requirePositive(slowConsumerTimeout, "slow-consumer timeout");
            require(writeDelay != null && !writeDelay.isNegative() && writeDelay.compareTo(MAX_WRITE_DELAY) <= 0,
                    "write delay must be 0 (write at once) up to " + MAX_WRITE_DELAY.toMillis() + " ms, got " + writeDelay);
            require(bossThreads >= 1, "boss threads must be at least 1, got " + bossThreads);
            require(workerThreads >= 0, "worker threads must be 0 (Netty default) or more, got " + workerThreads);
            require(transport != null, "transport must be set");
            requirePositive(requestReadTimeout, "request read timeout");
            requirePositive(idleTimeout, "idle timeout");
            requirePositive(wsAssemblyTimeout, "WebSocket assembly timeout");
            requirePositive(slowConsumerCloseGrace, "slow-consumer close grace");
            require(corsAllowOrigin == null || corsAllowOrigin.equals("*") || corsAllowOrigin.matches("https?://[^/\\s]+"),
                    "CORS origin must be * or scheme://host[:port], got '" + corsAllowOrigin + "'");
            require(pageDir == null || java.nio.file.Files.isDirectory(pageDir), "page folder " + pageDir + " is not a folder");
            require(broker != null, "broker must be set (memory for none)");
            Retention checked = new Retention(retentionCount, retentionAge);
            requireSafeBind();
            return new PushServerConfig(bindAddress, port, longPollHold, batchLimit, checked.maxMessages(),
                    checked.maxAge(), maxTopics, sseRetry, sseHeartbeat, wsDeflate, maxConnections,
                    maxRequestLineBytes, maxHeaderBytes, maxBodyBytes, maxWsFrameBytes,
                    writeBufferLowWaterMarkBytes, writeBufferHighWaterMarkBytes, slowConsumerTimeout,
                    writeDelay, publishToken, bossThreads, workerThreads, transport, requestReadTimeout, idleTimeout,
                    wsAssemblyTimeout, slowConsumerCloseGrace, corsAllowOrigin, pageDir, broker);
        }

        private void requireSafeBind() {
            InetAddress address;
            try {
                address = InetAddress.getByName(bindAddress);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("cannot resolve bind address '" + bindAddress + "'", e);
            }
            boolean hasToken = publishToken != null && !publishToken.isEmpty();
            if (!address.isLoopbackAddress() && !hasToken) {
                throw new IllegalArgumentException("refusing to bind non-loopback address " + bindAddress
                        + " without a publish token: anyone who reaches it could publish."
                        + " Set a publish token (--publish-token) or bind 127.0.0.1");
            }
        }

        private static void requirePositive(Duration d, String what) {
            require(d != null && !d.isNegative() && !d.isZero(), what + " must be positive, got " + d);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
