package io.pushbench.server;

import io.pushbench.server.broker.BrokerUrl;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The server's command-line options, reusable as a picocli {@code @Mixin} (the standalone jar and
 * {@code pushbench serve} share it). Defaults come from {@link Defaults}.
 */
public final class ServerOptions {

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to bind. A non-loopback address needs --publish-token.")
    String bindAddress = Defaults.BIND_ADDRESS;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port; 0 = a free port.")
    int port = Defaults.STANDALONE_PORT;

    @Option(names = "--long-poll-hold", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = Defaults.LONG_POLL_HOLD_TEXT,
            description = "How long a long poll is held before it answers 204 (e.g. 30s, 300ms).")
    Duration longPollHold = Defaults.LONG_POLL_HOLD;

    @Option(names = "--batch-limit", paramLabel = "N", description = "Most messages in one poll answer.")
    int batchLimit = Defaults.BATCH_LIMIT;

    @Option(names = "--retention-count", paramLabel = "N", description = "Messages kept per topic.")
    int retentionCount = Defaults.RETENTION_COUNT;

    @Option(names = "--retention-age", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = Defaults.RETENTION_AGE_TEXT,
            description = "Oldest message age kept per topic; 0 = no age limit.")
    Duration retentionAge = Defaults.RETENTION_AGE;

    @Option(names = "--max-topics", paramLabel = "N", description = "Most topics that may exist.")
    int maxTopics = Defaults.MAX_TOPICS;

    @Option(names = "--sse-retry", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = Defaults.SSE_RETRY_TEXT,
            description = "The SSE retry: reconnection hint.")
    Duration sseRetry = Defaults.SSE_RETRY;

    @Option(names = "--sse-heartbeat", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = Defaults.SSE_HEARTBEAT_TEXT,
            description = "Interval of SSE heartbeat comments; 0 = off.")
    Duration sseHeartbeat = Duration.ZERO;

    @Option(names = "--ws-deflate", description = "Negotiate WebSocket permessage-deflate (RFC 7692) when a client offers it.")
    boolean wsDeflate;

    @Option(names = "--max-connections", paramLabel = "N", description = "Most open connections; more are answered 503.")
    int maxConnections = Defaults.MAX_CONNECTIONS;

    @Option(names = "--max-request-line", paramLabel = "BYTES", description = "Longest request line; longer answers 414.")
    int maxRequestLineBytes = Defaults.MAX_REQUEST_LINE_BYTES;

    @Option(names = "--max-header-size", paramLabel = "BYTES", description = "Largest header block; larger answers 431.")
    int maxHeaderBytes = Defaults.MAX_HEADER_BYTES;

    @Option(names = "--max-body-size", paramLabel = "BYTES", description = "Largest request body; larger answers 413.")
    int maxBodyBytes = Defaults.MAX_BODY_BYTES;

    @Option(names = "--max-ws-frame", paramLabel = "BYTES", description = "Largest WebSocket frame from a client; larger closes with 1009.")
    int maxWsFrameBytes = Defaults.MAX_WS_FRAME_BYTES;

    @Option(names = "--write-buffer-low", paramLabel = "BYTES", description = "Outbound buffer low water mark per connection.")
    int writeBufferLowWaterMarkBytes = Defaults.WRITE_BUFFER_LOW_WATER_MARK_BYTES;

    @Option(names = "--write-buffer-high", paramLabel = "BYTES", description = "Outbound buffer limit per connection (high water mark); pushes pause before it.")
    int writeBufferHighWaterMarkBytes = Defaults.WRITE_BUFFER_HIGH_WATER_MARK_BYTES;

    @Option(names = "--slow-consumer-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = Defaults.SLOW_CONSUMER_TIMEOUT_TEXT,
            description = "How long a push may stay blocked by a full outbound buffer before the connection is closed.")
    Duration slowConsumerTimeout = Defaults.SLOW_CONSUMER_TIMEOUT;

    @Option(names = "--write-delay", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "0",
            description = "How long a push waits after a message before writing, so a connection gets every message of"
                    + " that window in one write (SSE, WebSocket) or one answer (long polling); 0 = write at once.")
    Duration writeDelay = Duration.ZERO;

    @Option(names = "--publish-token", paramLabel = "TOKEN",
            description = "Require 'Authorization: Bearer TOKEN' on POST /publish. Default: none (loopback only).")
    String publishToken;

    @Option(names = "--boss-threads", paramLabel = "N", description = "Acceptor threads.")
    int bossThreads = 1;

    @Option(names = "--worker-threads", paramLabel = "N", description = "Event-loop threads; 0 = Netty's default (2 x cores).")
    int workerThreads = 0;

    @Option(names = "--transport", paramLabel = "KIND", description = "Netty transport: ${COMPLETION-CANDIDATES}; AUTO = io_uring where the kernel allows it, else epoll, else NIO.")
    TransportChoice transport = TransportChoice.AUTO;

    @Option(names = "--request-read-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = Defaults.REQUEST_READ_TIMEOUT_TEXT,
            description = "How long a client has to send a whole request once it started (and a new connection its"
                    + " first byte); past it 408 and close. Not applied while the server holds an answer.")
    Duration requestReadTimeout = Defaults.REQUEST_READ_TIMEOUT;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = Defaults.IDLE_TIMEOUT_TEXT,
            description = "How long a keep-alive connection may sit between an answer and its next request before it is closed.")
    Duration idleTimeout = Defaults.IDLE_TIMEOUT;

    @Option(names = "--ws-assembly-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = Defaults.WS_ASSEMBLY_TIMEOUT_TEXT,
            description = "How long a client's fragmented WebSocket message may stay unfinished; past it close 1008.")
    Duration wsAssemblyTimeout = Defaults.WS_ASSEMBLY_TIMEOUT;

    @Option(names = "--slow-consumer-close-grace", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = Defaults.SLOW_CONSUMER_CLOSE_GRACE_TEXT,
            description = "How long a WebSocket closed as a slow consumer (1008) keeps its TCP connection so that a reader "
                    + "that reads again can take the close frame queued behind its unread data.")
    Duration slowConsumerCloseGrace = Defaults.SLOW_CONSUMER_CLOSE_GRACE;

    @Option(names = "--cors-allow-origin", paramLabel = "ORIGIN",
            description = "Send Access-Control-Allow-Origin: ORIGIN (* or e.g. http://localhost:8080) on every answer and "
                    + "answer CORS preflights, so pages of another origin may poll and open event streams.")
    String corsAllowOrigin;

    @Option(names = "--page-dir", paramLabel = "FOLDER",
            description = "Serve the files of FOLDER at /page/<name> (a test page for browsers).")
    java.nio.file.Path pageDir;

    @Option(names = "--broker", paramLabel = "URL",
            description = "What carries publishes to every server instance: memory (this process only), redis://HOST:PORT "
                    + "(pub/sub), redis-streams://HOST:PORT or postgresql://HOST:PORT/DATABASE (LISTEN/NOTIFY); "
                    + "?namespace=NAME keeps runs that share a broker apart (docs/brokers.md).")
    String broker = "memory";

    /**
     * The validated config these options describe.
     *
     * @throws IllegalArgumentException naming the first bad value (the caller reports it as a usage error)
     */
    public PushServerConfig toConfig() {
        return PushServerConfig.builder()
                .bindAddress(bindAddress).port(port).longPollHold(longPollHold).batchLimit(batchLimit)
                .retentionCount(retentionCount).retentionAge(retentionAge).maxTopics(maxTopics)
                .sseRetry(sseRetry).sseHeartbeat(sseHeartbeat).wsDeflate(wsDeflate)
                .maxConnections(maxConnections).maxRequestLineBytes(maxRequestLineBytes)
                .maxHeaderBytes(maxHeaderBytes).maxBodyBytes(maxBodyBytes).maxWsFrameBytes(maxWsFrameBytes)
                .writeBufferLowWaterMarkBytes(writeBufferLowWaterMarkBytes)
                .writeBufferHighWaterMarkBytes(writeBufferHighWaterMarkBytes)
                .slowConsumerTimeout(slowConsumerTimeout).writeDelay(writeDelay).publishToken(publishToken)
                .bossThreads(bossThreads).workerThreads(workerThreads).transport(transport)
                .requestReadTimeout(requestReadTimeout).idleTimeout(idleTimeout).wsAssemblyTimeout(wsAssemblyTimeout)
                .slowConsumerCloseGrace(slowConsumerCloseGrace)
                .corsAllowOrigin(corsAllowOrigin).pageDir(pageDir)
                .broker(BrokerUrl.parse(broker))
                .build();
    }
}
