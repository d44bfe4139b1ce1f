package io.pushbench.bench.publish;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * One keep-alive publish connection and its queue, confined to one event loop: sends one request at a time (so the
 * messages of a topic reach the server in schedule order), and opens a new connection whenever the server closes
 * the current one, after an answer with {@code Connection: close} or between requests (an idle timeout).
 *
 * <p>A request in flight when the connection closes is sent again only when its write never completed: Netty
 * completes a write's future once all its bytes are in the kernel's socket buffer, and fails it when the channel
 * closed first, so a failed write means the server cannot have received the whole request (it needs all of it,
 * {@code Content-Length} says how much). A request whose write completed may have been read and processed; it is
 * reported as of unknown fate and not sent again, which could double it. An end of stream read before the next
 * request is written closes the connection before anything is written on it, so a server's idle close costs a
 * reconnect and nothing else.
 */
final class HttpPublishConnection {

    /** Connect attempts before the queued messages fail. */
    private static final int CONNECT_ATTEMPTS = 3;
    private static final long CONNECT_RETRY_MILLIS = 100;
    /** A message whose write failed this often (not a close) fails instead of being sent again. */
    private static final int MAX_RESENDS = 3;

    private final Bootstrap bootstrap;
    private final InetSocketAddress address;
    private final String targetName;
    private final HttpPublishRequests requests;
    private final PublishOutcome outcome;
    private final EventLoop loop;
    private final ArrayDeque<PublishMessage> queue = new ArrayDeque<>();
    private Channel channel;
    private boolean connecting;
    private boolean closed;
    private int failedConnects;
    private PublishMessage inFlight;
    private boolean inFlightWritten;
    private int headResends;

    HttpPublishConnection(Bootstrap bootstrap, EventLoop loop, InetSocketAddress address, String targetName,
                          HttpPublishRequests requests, PublishOutcome outcome) {
        this.bootstrap = bootstrap.clone().group(loop).handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel c) {
                c.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20),
                        new HttpPublishHandler(HttpPublishConnection.this));
            }
        });
        this.loop = loop;
        this.address = address;
        this.targetName = targetName;
        this.requests = requests;
        this.outcome = outcome;
    }

    /** Opens the first connection; called once, off the event loop; waits until it is open and in use. */
    void open() throws InterruptedException {
        Channel ch = bootstrap.connect(address).sync().channel();
        loop.submit(() -> {
            if (ch.isActive()) {
                channel = ch;
            }
        }).sync();
    }

    EventLoop loop() {
        return loop;
    }

    /** The current connection, or null between connections. */
    Channel channel() {
        return channel;
    }

    /** Queues a publish; on the event loop. */
    void enqueue(PublishMessage m) {
        queue.add(m);
        sendNext();
    }

    private void sendNext() {
        if (closed || inFlight != null || queue.isEmpty()) {
            return;
        }
        if (channel == null) {
            reconnect();
            return;
        }
        PublishMessage m = queue.poll();
        Channel ch = channel;
        inFlight = m;
        inFlightWritten = false;
        ch.writeAndFlush(requests.request(m)).addListener(f -> {
            if (f.isSuccess()) {
                if (inFlight == m && channel == ch) {
                    inFlightWritten = true;
                }
            } else {
                ch.close();   // not (wholly) written: onClosed sends it again
            }
        });
    }

    void onResponse(Channel ch, FullHttpResponse response) {
        if (ch != channel) {
            return;
        }
        PublishMessage m = inFlight;
        inFlight = null;
        headResends = 0;
        if (m != null) {
            int code = response.status().code();
            if (code >= 200 && code < 300) {
                String seq = response.headers().get("X-Pushbench-Seq");
                outcome.accepted(m, code, seq == null ? -1 : parseSeq(seq));
            } else if (code == HttpResponseStatus.GATEWAY_TIMEOUT.code()) {
                // the server's upstream (its broker) did not answer: it may have taken the message
                outcome.fateUnknown(m, code, "publish to " + m.topic() + " answered " + response.status());
            } else {
                outcome.failed(m, code, "publish to " + m.topic() + " answered " + response.status());
            }
        }
        if (!HttpUtil.isKeepAlive(response)) {
            channel = null;   // the server closes it: the next publish opens a new one
            ch.close();
        }
        sendNext();
    }

    /** The channel closed (by the server, after an error, or after {@code Connection: close}). */
    void onClosed(Channel ch, String why) {
        if (ch != channel || closed) {
            return;
        }
        channel = null;
        PublishMessage m = inFlight;
        inFlight = null;
        if (m != null) {
            if (inFlightWritten) {
                headResends = 0;
                outcome.fateUnknown(m, PublishOutcome.NO_STATUS, "the server closed the publish connection after the "
                        + "request to " + m.topic() + " was written, before answering (" + why + ")");
            } else if (++headResends > MAX_RESENDS) {
                headResends = 0;
                outcome.failed(m, PublishOutcome.NO_STATUS, "the publish request to " + m.topic() + " could not be written ("
                        + why + ")");
            } else {
                queue.addFirst(m);
                outcome.resent(m);
            }
        }
        sendNext();
    }

    private void reconnect() {
        if (connecting || closed) {
            return;
        }
        connecting = true;
        bootstrap.connect(address).addListener((ChannelFuture f) -> {
            connecting = false;
            if (closed) {
                f.channel().close();
                return;
            }
            if (f.isSuccess()) {
                failedConnects = 0;
                channel = f.channel();
                outcome.reconnected();
                sendNext();
            } else if (++failedConnects < CONNECT_ATTEMPTS) {
                loop.schedule(this::reconnect, CONNECT_RETRY_MILLIS, TimeUnit.MILLISECONDS);
            } else {
                failedConnects = 0;
                failQueued("cannot reconnect the publisher to " + targetName + ": " + f.cause().getMessage());
            }
        });
    }

    private void failQueued(String reason) {
        PublishMessage p;
        while ((p = queue.poll()) != null) {
            outcome.failed(p, PublishOutcome.NO_STATUS, reason);
        }
    }

    private static long parseSeq(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -2;
        }
    }

    /** Stops sending and closes the connection; on the event loop. */
    void close() {
        closed = true;
        if (channel != null) {
            channel.close();
        }
    }
}
