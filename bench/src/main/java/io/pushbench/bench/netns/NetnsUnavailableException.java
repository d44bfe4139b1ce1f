package io.pushbench.bench.netns;

/** Network namespaces cannot be used here (not root, no {@code ip} tool, no netem in the kernel); the message says which. */
public final class NetnsUnavailableException extends Exception {

    public NetnsUnavailableException(String message) {
        super(message);
    }
}
