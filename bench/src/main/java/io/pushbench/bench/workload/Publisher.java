package io.pushbench.bench.workload;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.pushbench.bench.metrics.MicrosRecorder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes the workload's messages over HTTP on a fixed schedule ({@link PublishSchedule}): each message's
 * scheduled time is decided in advance; the publisher thread ({@code pushbench-publisher}) sends it when that
 * time comes, stamps the actual send time in the payload, and records the lag (send − scheduled) of every
 * message scheduled in the measured window. Publishing stops at the end of the measured window.
 *
 * <p>Messages of one topic always use the same keep-alive connection, one request at a time, so the server
 * numbers them in schedule order and the publisher knows each message's seq in advance (checked against the
 * server's {@code X-Pushbench-Seq} when it sends one). At most {@link #MAX_OUTSTANDING} publishes wait at once;
 * beyond that messages are not sent and counted as overflowed (the run is then invalid).
 *
 * <p>Typical use:
 * <pre>{@code
 * try (Publisher publisher = new Publisher(target, "", workload, header, window, lagRecorder, 4)) {
 *     publisher.start();
 *     publisher.awaitScheduleEnd(timeout);
 *     publisher.awaitIdle(timeout);
 *     PublisherStats stats = publisher.stats();
 * }
 * }</pre>
 */
public final class Publisher implements AutoCloseable {

    /** Publishes allowed to wait for an answer at once, over all connections. */
    public static final int MAX_OUTSTANDING = 100_000;

    /** The threads the publisher runs on: the schedule thread and its I/O event loop. */
    public static final String THREAD_NAME = "pushbench-publisher";

    /**
     * The run's time frame, as {@link System#nanoTime()} values.
     *
     * @param originNanos      the schedule's start: message 0 is scheduled here; payload times count from here
     * @param windowStartNanos the measured window's start (after warm-up)
     * @param windowEndNanos   the measured window's end: nothing is scheduled from here on
     */
    public record Window(long originNanos, long windowStartNanos, long windowEndNanos) {
        public boolean contains(long nanos) {
            return nanos - windowStartNanos >= 0 && nanos - windowEndNanos < 0;
        }
    }

    private final PublishTarget target;
    private final String topicPrefix;
    private final WorkloadParameters workload;
    private final PayloadHeader header;
    private final Window window;
    private final MicrosRecorder lagMicros;
    private final int connectionCount;
    private final EventLoopGroup group;
    private final List<Channel> channels = new ArrayList<>();
    private final List<PublishConnectionHandler> handlers = new ArrayList<>();
    private final long[] nextSeq;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicLong scheduled = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong publishedInWindow = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong seqMismatches = new AtomicLong();
    private final AtomicLong overflowed = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopped;

    /**
     * @param topicPrefix prefix of every topic name (empty for a fresh server)
     * @param connections keep-alive publish connections (topics are spread over them), ≥ 1
     */
    public Publisher(PublishTarget target, String topicPrefix, WorkloadParameters workload, PayloadHeader header,
                     Window window, MicrosRecorder lagMicros, int connections) {
        this.target = target;
        this.topicPrefix = topicPrefix;
        this.workload = workload;
        this.header = header;
        this.window = window;
        this.lagMicros = lagMicros;
        this.connectionCount = Math.max(1, Math.min(connections, workload.topicCount()));
        this.nextSeq = new long[workload.topicCount()];
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(THREAD_NAME + "-io", true),
                NioIoHandler.newFactory());
        this.thread = new Thread(this::runSchedule, THREAD_NAME);
        this.thread.setDaemon(true);
    }

    /**
     * Opens the connections and starts the schedule thread.
     *
     * @throws IOException naming the target when a connection cannot be opened
     */
    public void start() throws IOException {
        Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
        for (int i = 0; i < connectionCount; i++) {
            PublishConnectionHandler handler = new PublishConnectionHandler(target, outcome());
            Channel ch;
            try {
                ch = b.handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        c.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20), handler);
                    }
                }).connect(new InetSocketAddress(target.host(), target.port())).sync().channel();
            } catch (Exception e) {
                throw new IOException("cannot connect the publisher to " + target.urlTemplate() + ": " + e.getMessage(), e);
            }
            channels.add(ch);
            handlers.add(handler);
        }
        thread.start();
    }

    /** The local ports of the publish connections (to tell them apart from the clients' sockets). */
    public List<Integer> localPorts() {
        List<Integer> ports = new ArrayList<>();
        for (Channel ch : channels) {
            ports.add(((InetSocketAddress) ch.localAddress()).getPort());
        }
        return ports;
    }

    private PublishConnectionHandler.Outcome outcome() {
        return new PublishConnectionHandler.Outcome() {
            @Override
            public void published(PublishConnectionHandler.Pending p, long serverSeq) {
                outstanding.decrementAndGet();
                published.incrementAndGet();
                if (serverSeq != -1 && serverSeq != p.expectedSeq()) {
                    seqMismatches.incrementAndGet();
                    firstFailure.compareAndSet(null, "server numbered a message of " + p.topic() + " " + serverSeq
                            + ", expected " + p.expectedSeq() + " (was the server fresh?)");
                }
            }

            @Override
            public void failed(PublishConnectionHandler.Pending p, String reason) {
                outstanding.decrementAndGet();
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, reason);
            }
        };
    }

    private void runSchedule() {
        PublishSchedule schedule = new PublishSchedule(workload.topicCount(), workload.publishRatePerSec(),
                workload.arrivals(), workload.seed());
        while (!stopped) {
            long due = window.originNanos() + schedule.nextNanos();
            if (due - window.windowEndNanos() >= 0) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            publish(schedule.nextTopic(), due);
            schedule.advance();
        }
        stopped = true;
    }

    private void publish(int topicIndex, long dueNanos) {
        scheduled.incrementAndGet();
        if (outstanding.get() >= MAX_OUTSTANDING) {
            overflowed.incrementAndGet();
            firstFailure.compareAndSet(null, "publisher fell " + MAX_OUTSTANDING + " messages behind the server's answers");
            return;
        }
        String topic = topicPrefix + workload.topics().topicName(topicIndex);
        long seq = ++nextSeq[topicIndex];
        long sendNanos = System.nanoTime();
        byte[] payload = header.encode(topic, seq, dueNanos - window.originNanos(), sendNanos - window.originNanos());
        if (window.contains(dueNanos)) {
            lagMicros.record((sendNanos - dueNanos) / 1000);
            // counted when sent, not when answered: a server slow to answer still owes the delivery
            publishedInWindow.incrementAndGet();
        }
        outstanding.incrementAndGet();
        int c = topicIndex % connectionCount;
        PublishConnectionHandler handler = handlers.get(c);
        PublishConnectionHandler.Pending pending = new PublishConnectionHandler.Pending(topic, seq, dueNanos, payload);
        channels.get(c).eventLoop().execute(() -> handler.enqueue(pending));
    }

    /** Waits until the schedule has reached the end of the measured window (or the publisher was closed). */
    public boolean awaitScheduleEnd(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
        return !thread.isAlive();
    }

    /** Waits until every sent publish has been answered. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outstanding.get() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /**
     * The last seq published to each topic (topic name with prefix → seq); complete once the schedule has ended.
     */
    public java.util.Map<String, Long> headSeqs() {
        java.util.Map<String, Long> heads = new java.util.HashMap<>();
        for (int i = 0; i < nextSeq.length; i++) {
            heads.put(topicPrefix + workload.topics().topicName(i), nextSeq[i]);
        }
        return heads;
    }

    /** The counts so far. */
    public PublisherStats stats() {
        return new PublisherStats(scheduled.get(), published.get(), publishedInWindow.get(), failed.get(),
                seqMismatches.get(), overflowed.get(), outstanding.get(), firstFailure.get());
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Channel ch : channels) {
            ch.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
