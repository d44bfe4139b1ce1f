package io.pushbench.bench.external;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A third-party server process started by a test: launched with its output in a log file, awaited until its port
 * accepts connections, and stopped with all its children (nginx workers) when closed. Every wait is bounded; a
 * process that exits or never listens fails the test with its command and the end of its log.
 *
 * <p>Typical use:
 * <pre>{@code
 * int port = ServerProcess.freePort();
 * try (ServerProcess nginx = ServerProcess.start("nginx", List.of("nginx", "-c", conf), dir, port)) {
 *     ... // run pushbench against 127.0.0.1:port
 * }
 * }</pre>
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int LOG_TAIL_CHARS = 3000;

    private final String name;
    private final List<String> command;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, List<String> command, Process process, Path log) {
        this.name = name;
        this.command = command;
        this.process = process;
        this.log = log;
    }

    /** A loopback port that was free a moment ago (the server is started on it right after). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    /**
     * Starts {@code command} in {@code dir} (output to {@code dir/<name>.log}) and waits until 127.0.0.1:port
     * accepts a connection.
     *
     * @throws IllegalStateException when the process exits or does not listen within 20 s (with its log's end)
     */
    public static ServerProcess start(String name, List<String> command, Path dir, int port) throws IOException {
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(name, List.copyOf(command), p, log);
        server.awaitListening(port);
        return server;
    }

    /** Waits until {@code server} also listens on {@code port} (a second port of the same service). */
    public static void awaitPort(ServerProcess server, int port) {
        server.awaitListening(port);
    }

    private void awaitListening(int port) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue() + " before it listened on "
                        + port + "\ncommand: " + String.join(" ", command) + "\nits log:\n" + logTail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        close();
        throw new IllegalStateException(name + " did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT.toSeconds()
                + " s\ncommand: " + String.join(" ", command) + "\nits log:\n" + logTail());
    }

    /** The process id (nginx: the master; its workers are {@link #childPids()}). */
    public long pid() {
        return process.pid();
    }

    /** The ids of the process's direct children. */
    public List<Long> childPids() {
        return process.children().map(ProcessHandle::pid).toList();
    }

    /** Whether the process is still running (a test checks this after a run: the server survived it). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The end of the process's log, for failure messages. */
    public String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() <= LOG_TAIL_CHARS ? text : "..." + text.substring(text.length() - LOG_TAIL_CHARS);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM to the process and its descendants, then SIGKILL to whatever is left after 10 s. */
    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a server to listen", e);
        }
    }
}
