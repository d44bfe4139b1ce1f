package io.pushbench.bench.run;

import io.pushbench.report.ClockInfo;
import io.pushbench.report.Environment;
import io.pushbench.report.GitInfo;
import io.pushbench.report.HostInfo;
import io.pushbench.report.JvmInfo;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads what a report records about where it ran: git commit, host, JVM. */
public final class EnvironmentProbe {

    private EnvironmentProbe() {
    }

    /** The environment of this process, with the given client transport and clock. */
    public static Environment probe(Path workingDir, String nettyTransport, ClockInfo clock) {
        return new Environment(git(workingDir), host(), jvm(), nettyTransport, clock);
    }

    static GitInfo git(Path dir) {
        String commit = command(dir, "git", "rev-parse", "HEAD");
        if (commit == null || commit.isBlank()) {
            return new GitInfo(null, false, null);
        }
        String status = command(dir, "git", "status", "--porcelain", "--untracked-files=no");
        String branch = command(dir, "git", "rev-parse", "--abbrev-ref", "HEAD");
        return new GitInfo(commit.trim(), status != null && !status.isBlank(),
                branch == null || branch.isBlank() || branch.trim().equals("HEAD") ? null : branch.trim());
    }

    static HostInfo host() {
        return new HostInfo(cpuModel(), Runtime.getRuntime().availableProcessors(), memoryBytes(), osName(),
                System.getProperty("os.version"), System.getProperty("os.arch"));
    }

    static JvmInfo jvm() {
        return new JvmInfo(System.getProperty("java.vm.vendor"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), ManagementFactory.getRuntimeMXBean().getInputArguments(),
                Runtime.getRuntime().maxMemory());
    }

    private static String cpuModel() {
        for (String line : lines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    private static long memoryBytes() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
        }
        return 0;
    }

    private static String osName() {
        for (String line : lines(Path.of("/etc/os-release"))) {
            if (line.startsWith("PRETTY_NAME=")) {
                return line.substring("PRETTY_NAME=".length()).replace("\"", "").trim();
            }
        }
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The command's standard output, or null when it cannot run or fails. */
    private static String command(Path dir, String... args) {
        try {
            Process p = new ProcessBuilder(args).directory(dir.toFile()).redirectErrorStream(false).start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
