package io.pushbench.server;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.util.function.Supplier;

/**
 * The Netty transport a server runs on: native io_uring where the kernel allows it, else native epoll, else NIO
 * (or as forced). io_uring submits the sends of every connection a wake-up wrote in one system call per
 * event-loop pass, where epoll makes one {@code write} per connection (docs/benchmarks.md, "Transport").
 */
record NettyTransport(String name, Supplier<IoHandlerFactory> ioHandlers, Class<? extends ServerChannel> serverChannel) {

    /**
     * The transport for this choice.
     *
     * @throws IllegalStateException when epoll or io_uring is forced but cannot load, with the reason
     */
    static NettyTransport choose(TransportChoice choice) {
        return switch (choice) {
            case NIO -> nio();
            case AUTO -> IoUring.isAvailable() ? ioUring() : Epoll.isAvailable() ? epoll() : nio();
            case EPOLL -> {
                if (!Epoll.isAvailable()) {
                    throw new IllegalStateException("native epoll transport unavailable: "
                            + Epoll.unavailabilityCause());
                }
                yield epoll();
            }
            case IO_URING -> {
                if (!IoUring.isAvailable()) {
                    throw new IllegalStateException("native io_uring transport unavailable: "
                            + IoUring.unavailabilityCause());
                }
                yield ioUring();
            }
        };
    }

    private static NettyTransport ioUring() {
        return new NettyTransport("io_uring", IoUringIoHandler::newFactory, IoUringServerSocketChannel.class);
    }

    private static NettyTransport epoll() {
        return new NettyTransport("epoll", EpollIoHandler::newFactory, EpollServerSocketChannel.class);
    }

    private static NettyTransport nio() {
        return new NettyTransport("nio", NioIoHandler::newFactory, NioServerSocketChannel.class);
    }
}
