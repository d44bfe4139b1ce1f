package io.pushbench.bench.run.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time and resident memory of a process on this host and of all its descendants (nginx's workers are children of
 * its master; a Node cluster's workers of its primary), from {@code /proc/<pid>/stat} (utime + stime) and
 * {@code /proc/<pid>/status} ({@code VmRSS}). A descendant that exits between two readings takes its CPU time with it
 * (the figure is then low, never high); descendants started later are counted from their start.
 */
public final class ProcessTreeResources implements ServerResources {

    /** Clock ticks per second of {@code /proc/<pid>/stat}'s times: USER_HZ, 100 on every Linux architecture in use. */
    static final long TICKS_PER_SEC = 100;

    private final long pid;

    private ProcessTreeResources(long pid) {
        this.pid = pid;
    }

    /**
     * The process {@code pid} and its descendants.
     *
     * @throws IllegalArgumentException naming the pid when no such process is running or its {@code /proc} is unreadable
     */
    public static ProcessTreeResources of(long pid) {
        ProcessHandle handle = ProcessHandle.of(pid).orElse(null);
        if (pid <= 0 || handle == null || !handle.isAlive()) {
            throw new IllegalArgumentException("--server-pid " + pid + ": no such process is running on this host");
        }
        ProcessTreeResources r = new ProcessTreeResources(pid);
        try {
            r.cpuNanos();
            r.residentBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("--server-pid " + pid + ": cannot read its /proc entries: " + e.getMessage(), e);
        }
        return r;
    }

    private List<Long> tree() throws IOException {
        ProcessHandle root = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new IOException("process " + pid + " is no longer running"));
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        root.descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    @Override
    public long cpuNanos() throws IOException {
        long ticks = 0;
        for (long p : tree()) {
            String stat = read(p, "stat");
            if (stat == null) {
                continue;   // exited since the listing
            }
            // the command name (field 2) may hold spaces and parentheses: fields count from the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);   // utime, stime (fields 14 and 15)
        }
        return ticks * (1_000_000_000L / TICKS_PER_SEC);
    }

    @Override
    public long residentBytes() throws IOException {
        long kib = 0;
        for (long p : tree()) {
            String status = read(p, "status");
            if (status == null) {
                continue;
            }
            for (String line : status.split("\n")) {
                if (line.startsWith("VmRSS:")) {
                    kib += Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        }
        return kib * 1024;
    }

    private static String read(long pid, String file) throws IOException {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public String cpuMethod() {
        return "proc:utime+stime pid " + pid + " and descendants";
    }

    @Override
    public String memoryMethod() {
        return "proc:VmRSS pid " + pid + " and descendants";
    }

    @Override
    public String memoryNote() {
        return "resident set size (RSS) of process " + pid + " and its descendants, with the clients connected vs before they connected; "
                + "reported in the heap fields (direct = 0). RSS includes memory the server's allocator keeps after use";
    }
}
