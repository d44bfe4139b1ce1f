package io.pushbench.bench.shard;

import io.pushbench.bench.cli.PushbenchCommand;
import io.pushbench.bench.netns.NetworkNamespace;
import io.pushbench.model.Strategy;
import io.pushbench.server.ServerMain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sharded run as a user starts it by hand: a pushbench server process and N shard processes ({@code pushbench run
 * --shard K/N}), each in a namespace of its choosing, with this test as the coordinator (it writes the start instant
 * once every shard's ready file is there). Every process is destroyed by {@link #close}, also on failure.
 */
final class ShardProcesses implements AutoCloseable {

    static final String TOKEN = "shard-test-token";
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

    private final List<Process> processes = new ArrayList<>();

    /** The workload every shard runs: 300 clients, 2 messages/s, 1 s warm-up and a 3 s window. */
    static List<String> workload(Strategy strategy) {
        return List.of("--strategies=" + strategy.label(), "--clients=300", "--rate=2", "--ramp-up=0", "--warmup=1s",
                "--duration=3s", "--max-loader-stall=1s", "--max-publisher-lag=1s", "--client-threads=1");
    }

    /**
     * Starts a server in {@code ns} bound to {@code bind}, port 0 on loopback else {@code port}; returns its port.
     */
    int startServer(NetworkNamespace ns, String bind, int port) throws IOException {
        Process p = ns.processBuilder(java(ServerMain.class.getName(), "--bind=" + bind, "--port=" + port,
                "--publish-token=" + TOKEN)).redirectErrorStream(true).start();
        processes.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "server-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IOException("the server did not say where it listens");
    }

    /**
     * Starts shard {@code k} of {@code n} in {@code ns}, against the server at {@code host:port}; shard 0 publishes and
     * reads the server's counters.
     */
    Process startShard(NetworkNamespace ns, Strategy strategy, int k, int n, String host, int port, Path dir,
                       Path startFile) throws IOException {
        Path folder = dir.resolve("shard-" + k);
        Files.createDirectories(folder);
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(workload(strategy));
        String scheme = strategy == Strategy.WEBSOCKET ? "ws" : "http";
        args.addAll(List.of("--url-" + strategy.label() + "=" + scheme + "://" + host + ":" + port + strategy.pathPrefix()
                        + "{topic}?after={seq}",
                "--publish-url=http://" + host + ":" + port + "/publish/{topic}", "--publish-token=" + TOKEN,
                "--topic-prefix=sharded-", "--clock-probe=endpoint", "--shard=" + k + "/" + n,
                "--start-at=@" + startFile, "--ready-file=" + folder.resolve("ready.json"), "--delivery-log",
                "--out=" + folder, "--no-post-run", "--publisher-shard=0", "--shard-server=" + host + ":" + port));
        Process p = ns.processBuilder(java(PushbenchCommand.class.getName(), args.toArray(String[]::new)))
                .redirectErrorStream(true).redirectOutput(folder.resolve("output.log").toFile()).start();
        processes.add(p);
        return p;
    }

    /** Waits for every shard's ready file, then writes the start instant (1 s ahead) to {@code startFile}. */
    static void coordinate(List<Process> shards, Path dir, Path startFile) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        for (int k = 0; k < shards.size(); k++) {
            Path ready = dir.resolve("shard-" + k).resolve("ready.json");
            while (!Files.exists(ready)) {
                assertThat(shards.get(k).isAlive()).as("shard %d alive before ready: %s", k, output(dir, k)).isTrue();
                assertThat(System.nanoTime() - deadline).as("shard %d ready in time", k).isNegative();
                Thread.sleep(50);
            }
        }
        Files.writeString(startFile, Instant.now().plusSeconds(1) + "\n");
    }

    /** Waits for every shard to exit 0. */
    static void awaitSuccess(List<Process> shards, Path dir) throws Exception {
        for (int k = 0; k < shards.size(); k++) {
            assertThat(shards.get(k).waitFor(90, TimeUnit.SECONDS)).as("shard %d finished", k).isTrue();
            assertThat(shards.get(k).exitValue()).as("shard %d: %s", k, output(dir, k)).isZero();
        }
    }

    static String output(Path dir, int k) {
        try {
            return Files.readString(dir.resolve("shard-" + k).resolve("output.log"));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** The server's {@code /metrics} read from inside {@code ns} (a namespace this JVM cannot reach). */
    static String metrics(NetworkNamespace ns, String host, int port) throws Exception {
        Process p = ns.processBuilder(List.of("bash", "-c", "exec 3<>/dev/tcp/" + host + "/" + port
                + "; printf 'GET /metrics HTTP/1.0\\r\\nHost: x\\r\\n\\r\\n' >&3; cat <&3")).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return text.substring(text.indexOf("\r\n\r\n") + 4);
    }

    private static List<String> java(String mainClass, String... args) {
        List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        c.addAll(List.of(args));
        return c;
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
