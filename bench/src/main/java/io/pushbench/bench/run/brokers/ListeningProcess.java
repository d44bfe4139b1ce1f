package io.pushbench.bench.run.brokers;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the process listening on a local TCP port, from {@code /proc/net/tcp} and {@code /proc/net/tcp6} (the
 * listening socket's inode) and {@code /proc/<pid>/fd} (who holds it), and a process's descendants. Linux only;
 * a process of another user is found only as root.
 */
public final class ListeningProcess {

    private static final String LISTEN_STATE = "0A";

    private ListeningProcess() {
    }

    /** The pid listening on {@code port}, or -1 when none is found. */
    public static long pidOfPort(int port) throws IOException {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.isReadable(p)) {
                continue;
            }
            for (String line : Files.readAllLines(p)) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 10 || !f[3].equals(LISTEN_STATE)) {
                    continue;
                }
                String local = f[1];
                int localPort = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
                if (localPort == port) {
                    inodes.add(f[9]);
                }
            }
        }
        if (inodes.isEmpty()) {
            return -1;
        }
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                if (holdsSocket(proc, inodes)) {
                    return Long.parseLong(proc.getFileName().toString());
                }
            }
        }
        return -1;
    }

    private static boolean holdsSocket(Path proc, Set<String> inodes) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue;
                }
                if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                    return true;
                }
            }
        } catch (IOException | SecurityException e) {
            return false;    // gone, or not ours to read
        }
        return false;
    }

    /** The pid and every descendant, parents first. */
    public static List<Long> tree(long pid) {
        List<Long> all = new ArrayList<>();
        all.add(pid);
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> all.add(d.pid())));
        return all;
    }

    /** Sends a signal ({@code STOP}, {@code CONT}, {@code KILL}) to each pid with kill(1). */
    public static void signal(String name, List<Long> pids) throws IOException {
        List<String> command = new ArrayList<>(List.of("kill", "-" + name.toUpperCase(Locale.ROOT)));
        pids.forEach(p -> command.add(Long.toString(p)));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IOException("kill -" + name + " " + pids + " failed: " + out.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted sending " + name, e);
        }
    }
}
