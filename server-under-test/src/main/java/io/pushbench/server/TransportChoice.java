package io.pushbench.server;

/** Which Netty transport the server uses: native epoll where it loads ({@link #AUTO}), or forced. */
public enum TransportChoice {
    /** Native epoll when {@code Epoll.isAvailable()}, NIO otherwise. */
    AUTO,
    /** Native epoll; starting fails when it cannot load. */
    EPOLL,
    /** Java NIO. */
    NIO
}
