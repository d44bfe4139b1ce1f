package io.pushbench.bench.publish;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.pushbench.bench.workload.PublishTarget;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Publishes over HTTP/1.1 keep-alive connections, one I/O thread; topics are spread over the connections
 * (topic index modulo the count), so each topic's messages go one at a time over one connection in schedule order.
 */
public final class HttpPublisher implements Publisher {

    private final PublishTarget target;
    private final EventLoopGroup group;
    private final List<HttpPublishConnection> connections = new ArrayList<>();

    /**
     * @param connections keep-alive connections, &ge; 1
     * @param threadName  the I/O thread's name (the CPU meter finds the publisher's threads by name)
     */
    public HttpPublisher(PublishTarget target, PublishOutcome outcome, int connections, String threadName) {
        this.target = target;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(threadName, true),
                NioIoHandler.newFactory());
        Bootstrap b = new Bootstrap().channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
        HttpPublishRequests requests = new HttpPublishRequests(target);
        InetSocketAddress address = new InetSocketAddress(target.host(), target.port());
        for (int i = 0; i < Math.max(1, connections); i++) {
            this.connections.add(new HttpPublishConnection(b, group.next(), address, target.urlTemplate(), requests, outcome));
        }
    }

    @Override
    public void start() throws IOException {
        for (HttpPublishConnection c : connections) {
            try {
                c.open();
            } catch (Exception e) {
                throw new IOException("cannot connect the publisher to " + target.urlTemplate() + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void publish(PublishMessage message) {
        HttpPublishConnection c = connectionOf(message.topicIndex());
        if (c.loop().inEventLoop()) {
            c.enqueue(message);
        } else {
            c.loop().execute(() -> c.enqueue(message));
        }
    }

    /** The topic's connection's event loop: a publish there is written at once. */
    @Override
    public Executor writerOf(int topicIndex) {
        return connectionOf(topicIndex).loop();
    }

    private HttpPublishConnection connectionOf(int topicIndex) {
        return connections.get(topicIndex % connections.size());
    }

    @Override
    public List<Integer> localPorts() {
        List<Integer> ports = new ArrayList<>();
        for (HttpPublishConnection c : connections) {
            Channel ch = c.channel();
            if (ch != null && ch.localAddress() != null) {
                ports.add(((InetSocketAddress) ch.localAddress()).getPort());
            }
        }
        return ports;
    }

    @Override
    public void close() {
        for (HttpPublishConnection c : connections) {
            c.loop().execute(c::close);
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
