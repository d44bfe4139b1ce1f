package io.pushbench.bench.run.brokers;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.List;

/**
 * A PostgreSQL cluster of the test's own ({@code initdb} in a temporary directory, trust auth, a free loopback port),
 * for faults the machine's shared cluster on 5432 must never see. Run as the {@code postgres} user when the test runs
 * as root (PostgreSQL refuses root). Closing it stops whatever postmaster runs on its directory then (a broker-restart
 * fault replaces the one it started) and deletes the directory.
 */
final class OwnPostgres implements AutoCloseable {

    final int port;
    private final Path dir;
    private final Path binaries;

    OwnPostgres() throws IOException, InterruptedException {
        binaries = installedBinaries();
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        dir = Files.createTempDirectory("pushbench-postgres-");
        if (isRoot()) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        run(List.of(binaries.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
                "-U", "postgres", "--no-sync"));
        run(List.of(binaries.resolve("pg_ctl").toString(), "start", "-D", dir.resolve("data").toString(), "-w", "-t", "30",
                "-l", dir.resolve("postgres.log").toString(), "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off"));
    }

    /** The broker URL of this cluster's {@code postgres} database. */
    String url() {
        return "postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            Path data = dir.resolve("data");
            if (Files.exists(data.resolve("postmaster.pid"))) {
                long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
                ListeningProcess.signal("CONT", ListeningProcess.tree(pid));     // a paused cluster cannot stop
                run(List.of(binaries.resolve("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "immediate",
                        "-w", "-t", "30"));
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static Path installedBinaries() throws IOException {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IOException("no PostgreSQL server under /usr/lib/postgresql"));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs a PostgreSQL tool as the cluster directory's owner (postgres when the test runs as root). */
    private void run(List<String> command) throws IOException {
        Path out = Files.createTempFile("pushbench-postgres-cmd-", ".log");
        try {
            OwnerCommand.run(dir, command, 60, out);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
