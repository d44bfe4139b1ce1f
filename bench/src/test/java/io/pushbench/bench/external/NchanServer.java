package io.pushbench.bench.external;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * nginx with the nchan module (Debian's {@code nginx} and {@code libnginx-mod-nchan}), started on a free loopback
 * port with a config written into a test folder, one location per nchan subscriber kind:
 *
 * <pre>
 * POST /pub/{topic}   nchan_publisher (answers 202 Accepted with no subscriber, 201 Created with some)
 * GET  /poll/{topic}  interval-poll: one message per answer, resumed by Last-Modified / Etag validators
 * GET  /lp/{topic}    longpoll: the same validators, the request held until a message comes
 * GET  /sse/{topic}   eventsource: a close-delimited text/event-stream (no Content-Length, not chunked)
 * GET  /ws/{topic}    websocket: one TEXT frame per message
 * </pre>
 *
 * Every request is logged with its connection number and its index on that connection, so a test can show that the
 * server closed keep-alive connections at {@code keepalive_requests} during a run.
 */
public final class NchanServer implements AutoCloseable {
    /** Where Debian installs the module. */
    static final Path NCHAN_MODULE = Path.of("/usr/lib/nginx/modules/ngx_nchan_module.so");
    static final String INSTALL_HINT = "install it with `apt-get install nginx libnginx-mod-nchan` (or run `bash .ci/install-deps`)";

    private final ServerProcess process;
    private final int port;
    private final Path accessLog;

    private NchanServer(ServerProcess process, int port, Path accessLog) {
        this.process = process;
        this.port = port;
        this.accessLog = accessLog;
    }

    /**
     * Starts nginx + nchan in {@code dir}.
     *
     * @param keepaliveRequests nginx's {@code keepalive_requests}: requests served on one connection before nginx
     *                          closes it (its default is 1000)
     * @throws IllegalStateException when nginx or the module is not installed, or nginx does not start
     */
    public static NchanServer start(Path dir, int keepaliveRequests) throws IOException {
        Path nginx = Executables.find("nginx", List.of("/usr/sbin/nginx"))
                .orElseThrow(() -> new IllegalStateException("nginx is not installed: " + INSTALL_HINT));
        if (!Files.isRegularFile(NCHAN_MODULE)) {
            throw new IllegalStateException("the nchan module " + NCHAN_MODULE + " is missing: " + INSTALL_HINT);
        }
        int port = ServerProcess.freePort();
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, config(dir, port, keepaliveRequests), StandardCharsets.UTF_8);
        ServerProcess p = ServerProcess.start("nginx", List.of(nginx.toString(), "-c", conf.toString(), "-p", dir.toString(),
                "-e", dir.resolve("error.log").toString()), dir, port);
        return new NchanServer(p, port, dir.resolve("access.log"));
    }

    static String config(Path dir, int port, int keepaliveRequests) {
        // workers of a root master run as 'nobody' by default and could not enter a 0700 test folder
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        return String.format(Locale.ROOT, """
                load_module %1$s;
                %2$sdaemon off;
                worker_processes 1;
                worker_rlimit_nofile 65536;
                error_log %3$s/error.log warn;
                pid %3$s/nginx.pid;
                events { worker_connections 20000; }
                http {
                  log_format conn '$connection $connection_requests $status $request_method $uri';
                  access_log %3$s/access.log conn;
                  keepalive_requests %4$d;
                  client_body_temp_path %3$s/body;
                  proxy_temp_path %3$s/proxy;
                  fastcgi_temp_path %3$s/fastcgi;
                  uwsgi_temp_path %3$s/uwsgi;
                  scgi_temp_path %3$s/scgi;
                  server {
                    listen 127.0.0.1:%5$d;
                    location ~ /pub/([\\w-]+)$  { nchan_publisher; nchan_channel_id $1; nchan_message_buffer_length 1000; }
                    location ~ /poll/([\\w-]+)$ { nchan_subscriber interval-poll; nchan_channel_id $1; }
                    location ~ /lp/([\\w-]+)$   { nchan_subscriber longpoll; nchan_channel_id $1; }
                    location ~ /sse/([\\w-]+)$  { nchan_subscriber eventsource; nchan_channel_id $1; }
                    location ~ /ws/([\\w-]+)$   { nchan_subscriber websocket; nchan_channel_id $1; }
                  }
                }
                """, NCHAN_MODULE, user, dir, keepaliveRequests, port);
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The worker's pid (nginx's master only hands connections out; the worker serves them). */
    public long workerPid() {
        List<Long> workers = process.childPids();
        if (workers.size() != 1) {
            throw new IllegalStateException("expected one nginx worker, found " + workers);
        }
        return workers.get(0);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String logTail() {
        return process.logTail();
    }

    /**
     * Connections on which nginx answered exactly {@code keepaliveRequests} requests of {@code method} whose path
     * starts with {@code pathPrefix}: each is a keep-alive connection nginx closed at its request limit.
     */
    public long connectionsClosedAtLimit(String method, String pathPrefix, int keepaliveRequests) throws IOException {
        try (Stream<String> lines = Files.lines(accessLog, StandardCharsets.US_ASCII)) {
            return lines.map(l -> l.split(" "))
                    .filter(f -> f.length == 5 && f[3].equals(method) && f[4].startsWith(pathPrefix)
                            && Integer.parseInt(f[1]) == keepaliveRequests)
                    .count();
        }
    }

    /**
     * Access log lines with an error status (4xx, 5xx), e.g. a probe of a path nginx does not serve. 499 is not one:
     * it is nginx's note that the client closed the connection before the answer, as clients do with their pending
     * long polls and streams at the end of a run.
     */
    public List<String> errorAnswers() throws IOException {
        try (Stream<String> lines = Files.lines(accessLog, StandardCharsets.US_ASCII)) {
            return lines.filter(l -> {
                String[] f = l.split(" ");
                return f.length != 5 || (f[2].compareTo("400") >= 0 && !f[2].equals("499"));
            }).limit(20).toList();
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
