package io.pushbench.server;

/** Which Netty transport the server uses: the best that loads ({@link #AUTO}), or forced. */
public enum TransportChoice {
    /** Native io_uring when {@code IoUring.isAvailable()}, else native epoll when {@code Epoll.isAvailable()}, else NIO. */
    AUTO,
    /** Native epoll; starting fails when it cannot load. */
    EPOLL,
    /** Native io_uring (kernel 5.14 or later, not disabled by {@code kernel.io_uring_disabled}); starting fails when it cannot load. */
    IO_URING,
    /** Java NIO. */
    NIO
}
