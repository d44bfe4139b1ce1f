package io.pushbench.server.broker;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of the test's own on a free loopback port, which the test may stop, start again and pause
 * (SIGSTOP/SIGCONT) without touching the machine's shared Redis on 6379. Closing it kills it, even paused.
 */
public final class LocalRedis implements AutoCloseable {

    private final int port;
    private final Path dir;
    private final boolean appendOnly;
    private Process process;

    /** @param appendOnly whether it keeps its data over a restart (AOF, fsync always) */
    public LocalRedis(boolean appendOnly) throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        this.dir = Files.createTempDirectory("pushbench-redis-");
        this.appendOnly = appendOnly;
        start();
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Starts it (again) and waits until it answers. */
    public void start() throws IOException {
        process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", appendOnly ? "yes" : "no", "--appendfsync", "always",
                "--dir", dir.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (answersPing()) {
                return;
            }
            sleep(20);
        }
        throw new IOException("redis-server on port " + port + " did not answer PING; see " + dir.resolve("redis.log"));
    }

    /** Stops it at once (like a crash; nothing saved beyond what AOF already wrote). */
    public void stop() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    /** Runs one command through redis-cli and returns its output. */
    public String cli(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
    }

    private boolean answersPing() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(1000);
            s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = new byte[7];
            return s.getInputStream().read(answer) > 0 && new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        if (process != null) {
            try {
                signal("CONT");
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
