package io.pushbench.server;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.function.Supplier;

/** The Netty transport a server runs on: native epoll where it loads, else NIO (or as forced). */
record NettyTransport(String name, Supplier<IoHandlerFactory> ioHandlers, Class<? extends ServerChannel> serverChannel) {

    /**
     * The transport for this choice.
     *
     * @throws IllegalStateException when epoll is forced but cannot load, with the reason
     */
    static NettyTransport choose(TransportChoice choice) {
        boolean epoll = switch (choice) {
            case NIO -> false;
            case AUTO -> Epoll.isAvailable();
            case EPOLL -> {
                if (!Epoll.isAvailable()) {
                    throw new IllegalStateException("native epoll transport unavailable: "
                            + Epoll.unavailabilityCause());
                }
                yield true;
            }
        };
        return epoll
                ? new NettyTransport("epoll", EpollIoHandler::newFactory, EpollServerSocketChannel.class)
                : new NettyTransport("nio", NioIoHandler::newFactory, NioServerSocketChannel.class);
    }
}
