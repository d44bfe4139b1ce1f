package io.pushbench.bench.netns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A named Linux network namespace with its loopback up, deleted (with every interface inside it) by {@link #close}.
 * {@link #ROOT} stands for the namespace this process runs in; it is never created or deleted.
 */
public final class NetworkNamespace implements AutoCloseable {

    /** The namespace this JVM runs in. */
    public static final NetworkNamespace ROOT = new NetworkNamespace(null);

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String name;
    private volatile boolean closed;

    private NetworkNamespace(String name) {
        this.name = name;
    }

    /**
     * Creates a namespace named {@code <prefix>-<pid>-<n>} (unique per process, at most 15 characters kept short so
     * interface names derived from it fit) and brings its loopback up.
     *
     * @param prefix letters, digits and dashes, e.g. {@code pb-srv}
     * @throws IOException when {@code ip netns add} fails; nothing is left behind
     */
    public static NetworkNamespace create(String prefix) throws IOException {
        if (!prefix.matches("[a-z0-9-]{1,12}")) {
            throw new IllegalArgumentException("namespace prefix must be 1-12 of a-z, 0-9, '-': " + prefix);
        }
        String name = prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        IpTool.ip("netns", "add", name);
        NetworkNamespace ns = new NetworkNamespace(name);
        try {
            ns.ip("link", "set", "lo", "up");
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** The namespace's name as {@code ip netns list} shows it; null for {@link #ROOT}. */
    public String name() {
        return name;
    }

    public boolean isRoot() {
        return name == null;
    }

    /** Runs {@code ip ARGS} inside this namespace (in this process's namespace for {@link #ROOT}). */
    public String ip(String... args) throws IOException {
        return IpTool.run("ip", inside(args));
    }

    /** Runs {@code tc ARGS} inside this namespace. */
    public String tc(String... args) throws IOException {
        return isRoot() ? IpTool.run("tc", List.of(args)) : IpTool.run("ip", withExec("tc", args));
    }

    /**
     * A process builder whose command runs inside this namespace ({@code ip netns exec NAME command...}); for
     * {@link #ROOT} the command as it is. The caller starts it and owns the process.
     */
    public ProcessBuilder processBuilder(List<String> command) {
        if (isRoot()) {
            return new ProcessBuilder(command);
        }
        List<String> full = new ArrayList<>();
        full.add(IpTool.find("ip"));
        full.addAll(List.of("netns", "exec", name));
        full.addAll(command);
        return new ProcessBuilder(full);
    }

    private List<String> inside(String... args) {
        return isRoot() ? List.of(args) : withExec("ip", args);
    }

    private List<String> withExec(String tool, String... args) {
        List<String> full = new ArrayList<>(List.of("netns", "exec", name, tool));
        full.addAll(List.of(args));
        return full;
    }

    /** Deletes the namespace and the interfaces in it (a veth end inside takes its peer with it). Idempotent. */
    @Override
    public void close() throws IOException {
        if (isRoot() || closed) {
            return;
        }
        closed = true;
        IpTool.ip("netns", "delete", name);
    }

    @Override
    public String toString() {
        return isRoot() ? "root namespace" : "namespace " + name;
    }
}
