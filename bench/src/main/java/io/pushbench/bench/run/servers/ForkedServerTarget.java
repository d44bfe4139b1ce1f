package io.pushbench.bench.run.servers;

import io.pushbench.bench.client.ClientTarget;
import io.pushbench.bench.workload.PublishTarget;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.report.GcFigures;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A fresh server in its own JVM for every strategy run ({@code --server fork}), started with
 * {@code java -cp <this classpath> ForkedServerMain <server args>}: the server then has its own heap, GC and open-file
 * limit. Its counters and CPU come from {@code /metrics}; memory and GC pauses from {@link ForkedServerMain}'s
 * commands. The server's standard error goes to {@code server-<strategy>-<n>.log} in the run folder.
 */
public final class ForkedServerTarget implements ServerTarget {

    private static final long START_TIMEOUT_SEC = 60;

    private final boolean wsDeflate;
    private final List<String> userServerArgs;
    private final List<String> jvmArgs;
    private final Path logFolder;
    private volatile List<String> lastArgs = List.of();

    /**
     * @param jvmArgs   flags for the server JVM, e.g. {@code -Xmx2g}
     * @param logFolder where the server's standard error is written
     */
    public ForkedServerTarget(boolean wsDeflate, List<String> userServerArgs, List<String> jvmArgs, Path logFolder) {
        this.wsDeflate = wsDeflate;
        this.userServerArgs = List.copyOf(userServerArgs);
        this.jvmArgs = List.copyOf(jvmArgs);
        this.logFolder = logFolder;
    }

    @Override
    public String mode() {
        return "fork";
    }

    @Override
    public Map<String, String> serverOptions() {
        return ServerArgs.asMap(lastArgs);
    }

    @Override
    public StartedTarget start(Strategy strategy, WorkloadParameters workload, int runIndex) throws IOException {
        List<String> args = ServerArgs.forRun(workload, wsDeflate, userServerArgs);
        ServerArgs.toConfig(args);   // fail here, with the message, rather than in the child
        lastArgs = args;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ForkedServerMain.class.getName());
        command.addAll(args);
        Path log = logFolder.resolve("server-" + strategy.label() + "-" + (runIndex + 1) + ".log");
        java.nio.file.Files.createDirectories(logFolder);
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        Control control = new Control(process);
        String ready = control.readLine(START_TIMEOUT_SEC);
        if (ready == null || !ready.startsWith(ForkedServerMain.READY)) {
            process.destroyForcibly();
            throw new IOException("the forked server did not start (" + (ready == null ? "no answer" : ready)
                    + "); see " + log);
        }
        String[] parts = ready.substring(ForkedServerMain.READY.length()).trim().split(" ");
        String host = parts[0];
        int port = Integer.parseInt(parts[1]);
        String token = ServerArgs.toConfig(args).publishToken();
        return new StartedTarget(ClientTarget.pushbench(host, port), PublishTarget.pushbench(host, port, token), host,
                port, "", new Probe(control, new MetricsEndpoint(host, port)), control);
    }

    /** The child process and its command channel. */
    private static final class Control implements AutoCloseable {
        private final Process process;
        private final PrintWriter out;
        private final BufferedReader in;
        /** Set by the process's exit, seen at once (the JDK's reaper), unless the harness itself stopped it. */
        private volatile ServerExit exit;
        private volatile boolean closing;

        Control(Process process) {
            this.process = process;
            process.onExit().thenAccept(p -> {
                if (!closing) {
                    exit = new ServerExit(System.nanoTime(), ServerExit.describe(p.exitValue()));
                }
            });
            this.out = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
            this.in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        synchronized String command(String command, long timeoutSec) throws IOException {
            out.println(command);
            if (out.checkError()) {
                throw new IOException("the forked server is gone (command '" + command + "')");
            }
            String answer = readLine(timeoutSec);
            if (answer == null) {
                throw new IOException("the forked server did not answer '" + command + "'");
            }
            return answer;
        }

        String readLine(long timeoutSec) throws IOException {
            CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
                try {
                    return in.readLine();
                } catch (IOException e) {
                    return null;
                }
            });
            try {
                return line.get(timeoutSec, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for the forked server", e);
            }
        }

        @Override
        public void close() {
            closing = true;
            out.println("exit");
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** Reads the forked server through /metrics and its command channel. */
    private static final class Probe implements ServerProbe {
        private final Control control;
        private final MetricsEndpoint metrics;

        Probe(Control control, MetricsEndpoint metrics) {
            this.control = control;
            this.metrics = metrics;
        }

        @Override
        public ServerCounts counts(Strategy strategy) {
            try {
                return metrics.read(strategy);
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public String cpuMethod() {
            return "thread-cpu:pushbench-server-* (forked JVM, via /metrics)";
        }

        @Override
        public MemoryReading memoryAfterGc() {
            try {
                String[] a = control.command("memory", 60).split(" ");
                return new MemoryReading(Long.parseLong(a[1]), Long.parseLong(a[2]));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        @Override
        public String memoryMethod() {
            return "jvm-after-gc:fork";
        }

        @Override
        public String memoryNote() {
            return "the server's own JVM: heap used after GC and direct memory (NIO + Netty), with vs without the clients";
        }

        @Override
        public void gcWindowStart() {
            try {
                control.command("gc-start", 30);
            } catch (IOException ignored) {
                // the figures then say there were no pauses counted; the window's validity does not depend on it
            }
        }

        @Override
        public ServerExit exit() {
            return control.exit;
        }

        @Override
        public GcFigures gcWindowFigures() {
            try {
                String[] a = control.command("gc", 30).split(" ");
                List<String> collectors = a.length > 4 && !a[4].isEmpty()
                        ? Arrays.stream(a[4].split("\\|")).map(c -> c.replace('_', ' ')).toList() : List.of();
                return new GcFigures("server (forked JVM)", collectors, Long.parseLong(a[1]), Long.parseLong(a[2]),
                        Long.parseLong(a[3]));
            } catch (IOException | RuntimeException e) {
                return new GcFigures("server (forked JVM): unavailable", List.of(), 0, 0, 0);
            }
        }
    }
}
