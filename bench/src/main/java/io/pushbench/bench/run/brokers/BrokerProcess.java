package io.pushbench.bench.run.brokers;

import io.pushbench.bench.run.servers.ProcessTreeResources;
import io.pushbench.server.broker.BrokerKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker's process on this host, when there is one: its CPU (user + system of it and its descendants, from
 * {@code /proc}) and the faults done to it (pause, restart). Found by {@code --broker-pid} or by the process listening
 * on the broker URL's port; a remote broker has none, and the report says so.
 */
final class BrokerProcess {

    private volatile long pid;
    private final String method;
    private final int port;
    private final BrokerKind kind;
    private volatile List<Long> paused = List.of();

    private BrokerProcess(long pid, String method, int port, BrokerKind kind) {
        this.pid = pid;
        this.method = method;
        this.port = port;
        this.kind = kind;
    }

    static BrokerProcess find(BrokerSetup setup) {
        int port = setup.broker().port();
        BrokerKind kind = setup.broker().kind();
        if (setup.brokerPid() > 0) {
            return new BrokerProcess(setup.brokerPid(), "/proc of pid " + setup.brokerPid()
                    + " and its descendants (--broker-pid)", port, kind);
        }
        if (!isLocal(setup.broker().host())) {
            return new BrokerProcess(-1, "not measured: the broker is not on this host (give --broker-pid if it is)", port,
                    kind);
        }
        try {
            long found = ListeningProcess.pidOfPort(port);
            if (found > 0) {
                return new BrokerProcess(found, "/proc of pid " + found + " and its descendants (found by port " + port + ")",
                        port, kind);
            }
        } catch (IOException e) {
            return new BrokerProcess(-1, "not measured: /proc unreadable (" + e.getMessage() + ")", port, kind);
        }
        return new BrokerProcess(-1, "not measured: no process found listening on port " + port
                + " (give --broker-pid)", port, kind);
    }

    private static boolean isLocal(String host) {
        try {
            InetAddress a = InetAddress.getByName(host);
            return a.isLoopbackAddress() || a.isAnyLocalAddress();
        } catch (IOException e) {
            return false;
        }
    }

    String method() {
        return method;
    }

    /** CPU time of the broker's process tree so far, ns; -1 when not measured. */
    long cpuNanos() {
        if (pid <= 0) {
            return -1;
        }
        try {
            return ProcessTreeResources.of(pid).cpuNanos();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** SIGSTOP to the broker and every descendant (PostgreSQL's work is in its backends). */
    void pause() throws IOException {
        requireLocal("pause");
        List<Long> tree = ListeningProcess.tree(pid);
        ListeningProcess.signal("STOP", tree);
        paused = tree;
    }

    /** SIGCONT to what {@link #pause()} stopped; nothing when nothing is paused. */
    synchronized void resumeIfPaused() {
        List<Long> tree = paused;
        paused = List.of();
        if (!tree.isEmpty()) {
            try {
                ListeningProcess.signal("CONT", tree);
            } catch (IOException e) {
                throw new IllegalStateException("could not resume the broker (pids " + tree + "): " + e.getMessage(), e);
            }
        }
    }

    /**
     * Crashes the broker and starts it again with the settings it ran with, then waits until it answers: a crash, so
     * nothing is saved beyond what it persisted already.
     */
    void restart() throws IOException {
        requireLocal("restart");
        if (kind == BrokerKind.POSTGRES_NOTIFY) {
            restartPostgres();
        } else {
            restartRedis();
        }
    }

    /**
     * Redis: SIGKILL, then the same executable again in the same directory. Redis rewrites its process title, so its
     * settings are asked of it first ({@code CONFIG GET}, through redis-cli).
     */
    private void restartRedis() throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        // the program as it was called (argv[0]): Debian's redis-server is a link to redis-check-rdb, which acts by name
        String title = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
        String program = title.split("[\\s\u0000]", 2)[0];
        Path cwd = Files.readSymbolicLink(proc.resolve("cwd"));
        List<String> command = new ArrayList<>(List.of(program));
        for (String setting : RESTART_SETTINGS) {
            String value = redisConfig(setting);
            if (value != null) {
                command.add("--" + setting);
                command.add(value);
            }
        }
        ListeningProcess.signal("KILL", List.of(pid));
        awaitPort(false);
        Process started = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        awaitPort(true);
        pid = started.pid();
    }

    /**
     * PostgreSQL: {@code pg_ctl restart -m immediate} on the postmaster's data directory (immediate: every backend
     * quits without a checkpoint, the crash-like stop), as the directory's owner (PostgreSQL refuses to run as root),
     * with the options of its last start ({@code postmaster.opts}). The postmaster keeps its command line, so the
     * program and {@code -D} come from {@code /proc}. Its output goes to a log file in the temporary directory: the
     * postmaster inherits it for as long as it runs.
     */
    private void restartPostgres() throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        String[] argv = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).split("\u0000");
        Path dataDir = null;
        for (int i = 0; i < argv.length; i++) {
            if (argv[i].equals("-D") && i + 1 < argv.length) {
                dataDir = Path.of(argv[i + 1]);
            } else if (argv[i].startsWith("-D") && argv[i].length() > 2) {
                dataDir = Path.of(argv[i].substring(2));
            }
        }
        if (dataDir == null) {
            dataDir = Files.readSymbolicLink(proc.resolve("cwd"));     // the postmaster runs in its data directory
        }
        Path pgCtl = Path.of(argv[0]).resolveSibling("pg_ctl");
        if (!Files.isExecutable(pgCtl)) {
            throw new IOException("cannot restart PostgreSQL: no pg_ctl beside its program " + argv[0]);
        }
        // the postmaster inherits the output for as long as it runs: a file of its own, kept
        Path log = Files.createTempFile("pushbench-postgres-restart-", ".log");
        OwnerCommand.run(dataDir, List.of(pgCtl.toString(), "restart", "-D", dataDir.toString(), "-m", "immediate", "-w",
                "-t", "30"), 40, log);
        awaitPort(true);
        pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
    }

    /** The Redis settings a restart keeps: where it listens and what it persists where. */
    private static final List<String> RESTART_SETTINGS = List.of("port", "bind", "dir", "save", "appendonly",
            "appendfsync", "dbfilename", "appendfilename", "appenddirname");

    /** One setting of the running Redis ({@code CONFIG GET}), or null when it has none. */
    private String redisConfig(String name) throws IOException {
        Process p = new ProcessBuilder("redis-cli", "-p", Integer.toString(port), "--raw", "CONFIG", "GET", name)
                .redirectErrorStream(true).start();
        String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n");
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted asking Redis for " + name, e);
        }
        return lines.length >= 2 && lines[0].trim().equals(name) ? lines[1].trim() : null;
    }

    private void awaitPort(boolean open) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            boolean answers;
            try (Socket s = new Socket("127.0.0.1", port)) {
                answers = true;
            } catch (IOException e) {
                answers = false;
            }
            if (answers == open) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw new IOException("the broker's port " + port + (open ? " did not open again" : " stayed open"));
    }

    private void requireLocal(String what) throws IOException {
        if (pid <= 0) {
            throw new IOException("cannot " + what + " the broker: " + method);
        }
    }
}
