package io.pushbench.bench.netns;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code ip} and {@code tc} tools (iproute2), each call bounded in time; a failed call throws with the
 * tool's own message. Looks for the tools in {@code /usr/sbin}, {@code /sbin} and then {@code PATH}.
 */
public final class IpTool {

    private static final long TIMEOUT_SEC = 20;
    private static final List<String> SYSTEM_DIRS = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");

    private IpTool() {
    }

    /**
     * Checks that namespaces can be made here: running as root, with {@code ip} and {@code tc} installed.
     *
     * @throws NetnsUnavailableException naming what is missing
     */
    public static void requireUsable() throws NetnsUnavailableException {
        requireUsable(uid(), IpTool::find);
    }

    /** {@link #requireUsable()} for a given effective uid and tool lookup. */
    static void requireUsable(String uid, java.util.function.Function<String, String> findTool) throws NetnsUnavailableException {
        if (!"0".equals(uid)) {
            throw new NetnsUnavailableException("network namespaces need root (this process runs as uid "
                    + uid + "); run as root, or leave --network out");
        }
        for (String tool : List.of("ip", "tc")) {
            if (findTool.apply(tool) == null) {
                throw new NetnsUnavailableException("the '" + tool + "' tool (iproute2) is not installed; "
                        + "install iproute2, or leave --network out");
            }
        }
    }

    /** True when this process runs as root (uid 0, read from /proc/self/status). */
    public static boolean isRoot() {
        return "0".equals(uid());
    }

    private static String uid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.substring(4).trim().split("\\s+")[1];   // effective uid
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }

    /** The tool's path, or null when it is not installed. */
    public static String find(String tool) {
        List<String> dirs = new ArrayList<>(SYSTEM_DIRS);
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        for (String dir : dirs) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    /**
     * Runs {@code ip ARGS} and returns its standard output.
     *
     * @throws IOException with the tool's standard error when it exits non-zero or takes longer than 20 s
     */
    public static String ip(String... args) throws IOException {
        return run("ip", List.of(args));
    }

    /** Runs {@code tc ARGS}, see {@link #ip}. */
    public static String tc(String... args) throws IOException {
        return run("tc", List.of(args));
    }

    /** Runs a tool with its arguments (the tool found as in {@link #find}). */
    static String run(String tool, List<String> args) throws IOException {
        String path = find(tool);
        if (path == null) {
            throw new IOException("the '" + tool + "' tool (iproute2) is not installed");
        }
        List<String> command = new ArrayList<>();
        command.add(path);
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        p.getOutputStream().close();
        try {
            if (!p.waitFor(TIMEOUT_SEC, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": no answer within " + TIMEOUT_SEC + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + ": interrupted", e);
        }
        String out = read(p.getInputStream());
        if (p.exitValue() != 0) {
            throw new IOException(tool + " " + String.join(" ", args) + ": " + read(p.getErrorStream()).trim()
                    + " (exit " + p.exitValue() + ")");
        }
        return out;
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
