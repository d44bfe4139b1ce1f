package io.pushbench.bench.run.brokers;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of the test's own on a free loopback port, for faults the machine's shared Redis must never see.
 * Closing it kills whatever listens on its port then (a broker-restart fault replaces the process it started).
 */
final class OwnRedis implements AutoCloseable {

    final int port;
    private final Path dir;

    OwnRedis(boolean appendOnly) throws IOException, InterruptedException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        dir = Files.createTempDirectory("pushbench-redis-");
        new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", appendOnly ? "yes" : "no", "--appendfsync", "always", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(20);
            }
        }
        throw new IOException("redis-server did not listen on " + port);
    }

    @Override
    public void close() throws IOException {
        long pid = ListeningProcess.pidOfPort(port);
        if (pid > 0) {
            ListeningProcess.signal("CONT", List.of(pid));
            ListeningProcess.signal("KILL", List.of(pid));
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
