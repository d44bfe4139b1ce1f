package io.pushbench.bench.external;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Pushpin (Debian's {@code pushpin}: a GRIP proxy; runner, condure, zurl, proxy and handler processes) in front of a
 * GRIP origin, each on free loopback ports with their configs in a test folder. The origin is the Node server of
 * targets/node-push: it answers {@code GET /grip/sse/{topic}} with {@code Grip-Hold: stream} and
 * {@code Grip-Channel: {topic}}, so Pushpin holds the client's {@code text/event-stream} (chunked) and streams what is
 * published to the channel; and a WebSocket's {@code OPEN} (WebSocket-over-HTTP, {@code POST /grip/ws/{topic}}) with
 * a GRIP {@code subscribe} control message, so Pushpin sends each published {@code ws-message}. Publishing goes through
 * Pushpin's HTTP control API: {@code POST /publish/} with a JSON envelope
 * {@code {"items":[{"channel":…,"formats":{"http-stream":{"content":…}}}]}}, answered {@code 200 Published} with
 * {@code Connection: close} (every publish on a new connection).
 */
public final class PushpinServer implements AutoCloseable {
    static final String INSTALL_HINT = "install it with `apt-get install pushpin` (or run `bash .ci/install-deps`)";

    private final NodePushServer origin;
    private final ServerProcess pushpin;
    private final int port;
    private final int controlPort;

    private PushpinServer(NodePushServer origin, ServerProcess pushpin, int port, int controlPort) {
        this.origin = origin;
        this.pushpin = pushpin;
        this.port = port;
        this.controlPort = controlPort;
    }

    /**
     * Starts the origin, then Pushpin, in {@code dir}.
     *
     * @throws IllegalStateException when pushpin or the Node server is not installed, or either does not start
     */
    public static PushpinServer start(Path dir) throws IOException {
        Path pushpinBin = Executables.find("pushpin", List.of("/usr/bin/pushpin"))
                .orElseThrow(() -> new IllegalStateException("pushpin is not installed: " + INSTALL_HINT));
        NodePushServer origin = NodePushServer.start(Files.createDirectories(dir.resolve("origin")), List.of());
        try {
            int port = ServerProcess.freePort();
            int controlPort = ServerProcess.freePort();
            Path pushpinDir = Files.createDirectories(dir.resolve("pushpin"));
            Files.createDirectories(pushpinDir.resolve("run"));
            Files.createDirectories(pushpinDir.resolve("log"));
            Files.writeString(pushpinDir.resolve("pushpin.conf"), pushpinConfig(pushpinDir, port, controlPort,
                    ServerProcess.freePort(), ServerProcess.freePort(), ServerProcess.freePort()), StandardCharsets.UTF_8);
            // over_http: a client's WebSocket reaches the origin as WebSocket-over-HTTP requests
            Files.writeString(pushpinDir.resolve("routes"), "* 127.0.0.1:" + origin.port() + ",over_http\n",
                    StandardCharsets.UTF_8);
            ServerProcess pushpin = ServerProcess.start("pushpin", List.of(pushpinBin.toString(), "--config",
                    pushpinDir.resolve("pushpin.conf").toString(), "--merge-output"), pushpinDir, port);
            ServerProcess.awaitPort(pushpin, controlPort);
            return new PushpinServer(origin, pushpin, port, controlPort);
        } catch (RuntimeException | IOException e) {
            origin.close();
            throw e;
        }
    }

    /** Debian's /etc/pushpin/pushpin.conf with every port and path moved into the test's own. */
    static String pushpinConfig(Path dir, int port, int controlPort, int pushInPort, int pushInSubPort, int commandPort) {
        return String.format(Locale.ROOT, """
                [global]
                include={libdir}/internal.conf
                rundir=%1$s/run
                ipc_prefix=pushpin-
                port_offset=0
                stats_connection_ttl=120
                [runner]
                # zurl makes Pushpin's requests to the origin; Debian's default expects a system zurl service
                services=condure,zurl,pushpin-proxy,pushpin-handler
                http_port=127.0.0.1:%2$d
                logdir=%1$s/log
                log_level=2
                client_buffer_size=8192
                client_maxconn=50000
                condure_bin=condure
                zurl_bin=zurl
                [proxy]
                zurl_out_specs=ipc://{rundir}/{ipc_prefix}zurl-in
                zurl_out_stream_specs=ipc://{rundir}/{ipc_prefix}zurl-in-stream
                zurl_in_specs=ipc://{rundir}/{ipc_prefix}zurl-out
                routesfile=routes
                sig_iss=pushpin
                sig_key=changeme
                updates_check=off
                [handler]
                push_in_spec=tcp://127.0.0.1:%4$d
                push_in_sub_specs=tcp://127.0.0.1:%5$d
                push_in_sub_connect=false
                push_in_http_addr=127.0.0.1
                push_in_http_port=%3$d
                stats_spec=ipc://{rundir}/{ipc_prefix}stats
                command_spec=tcp://127.0.0.1:%6$d
                message_rate=100000
                message_hwm=100000
                message_wait=5000
                id_cache_ttl=60
                connection_subscription_max=20
                subscription_linger=60
                """, dir, port, controlPort, pushInPort, pushInSubPort, commandPort);
    }

    /** {@code http://127.0.0.1:<port>}: where clients subscribe. */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code http://127.0.0.1:<control port>/publish/}: Pushpin's HTTP publish endpoint. */
    public String publishUrl() {
        return "http://127.0.0.1:" + controlPort + "/publish/";
    }

    /** Pushpin's processes (runner and its services) by pid, e.g. to read their CPU. */
    public List<Long> pids() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(pushpin.pid()), pushpin.childPids().stream()).toList();
    }

    public boolean isAlive() {
        return pushpin.isAlive() && origin.isAlive();
    }

    public String logTail() {
        return pushpin.logTail();
    }

    @Override
    public void close() {
        try {
            pushpin.close();
        } finally {
            origin.close();
        }
    }
}
