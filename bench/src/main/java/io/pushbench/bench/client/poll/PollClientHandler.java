package io.pushbench.bench.client.poll;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.concurrent.ScheduledFuture;
import io.pushbench.bench.client.ResourceLimitDiagnosis;
import io.pushbench.bench.client.SimulatedClient;
import io.pushbench.bench.client.UrlTemplate;
import io.pushbench.bench.client.http.HttpClientConnection;
import io.pushbench.bench.client.http.HttpResponseFramer;
import io.pushbench.bench.client.http.HttpResponseHead;
import io.pushbench.model.ByteCategory;
import io.pushbench.model.Direction;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * One polling connection (short or long polling; the {@link PollSchedule} makes the difference): sends
 * {@code GET} with the client's cursor, parses each response into messages, attributes the exchange's bytes, and
 * sends the next request when the schedule says.
 *
 * <p>Byte attribution per exchange: an exchange that delivered no message ({@code 204}, {@code 304}, an empty
 * body, an error status) is {@link ByteCategory#EMPTY_RESPONSE} in both directions; otherwise the request is
 * {@link ByteCategory#HTTP_HEADERS}, and the response is headers (status line and headers), framing (chunk framing
 * and record headers) and payload.
 *
 * <p>Keep-alive ends are not failures (a server may close a keep-alive connection after its last answer, with or
 * without {@code Connection: close}, or when it sat idle between requests): the client reconnects without error or
 * backoff, in time for the request owed. A request written on a reused connection that the server closed without
 * answering a byte (the close crossed the request) is sent again at once on a new connection: a {@code GET} is safe
 * to repeat. The same on a connection's first request, or a response cut off, is an error (retried after a backoff).
 */
public final class PollClientHandler extends SimpleChannelInboundHandler<ByteBuf>
        implements HttpResponseFramer.Listener, PollBodyParser.Sink {
    private static final String LOST_HEADER = "x-pushbench-lost";

    private final SimulatedClient client;
    private final PollSchedule schedule;
    private final PollBodyParser parser;
    private final boolean readyWhenRequestSent;
    private final boolean drainMessageAnswers;
    private final HttpClientConnection http;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> nextRequest;
    private boolean awaitingAnswer;
    private int answers;
    private Throwable ioFailure;
    private boolean serverClosed;

    // the exchange in progress
    private HttpResponseHead head;
    private long framingBytes;
    private long contentBytes;
    private long payloadBytes;
    private int messages;

    /**
     * @param readyWhenRequestSent true for long polling: the connection counts as ready once its first request is
     *                             written, since the server may hold the answer for the whole hold time; false: once
     *                             the first answer's head arrives
     * @param drainMessageAnswers  after an answer that carried a message, ask again at once without taking a point of
     *                             the schedule (servers that answer one message per request)
     */
    public PollClientHandler(SimulatedClient client, UrlTemplate template, PollSchedule schedule, PollBodyParser parser,
                             boolean readyWhenRequestSent, boolean drainMessageAnswers) {
        this.client = client;
        this.schedule = schedule;
        this.parser = parser;
        this.readyWhenRequestSent = readyWhenRequestSent;
        this.drainMessageAnswers = drainMessageAnswers;
        this.http = new HttpClientConnection(client, template, io.pushbench.bench.client.headers.RequestKind.FETCH, this);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        // see the server's FIN as an event, to tell its close from the client's own
        ctx.channel().config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        // the schedule outlives connections: a reconnect sends the request owed, at its time
        scheduleRequest(schedule.delayBeforeNextNanos(System.nanoTime()));
        ctx.fireChannelActive();
    }

    private void scheduleRequest(long delayNanos) {
        if (delayNanos <= 0) {
            sendRequest(true);
        } else {
            nextRequest = ctx.executor().schedule(() -> sendRequest(true), delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void sendRequest(boolean onSchedule) {
        nextRequest = null;
        if (!ctx.channel().isActive() || client.closing()) {
            return;
        }
        if (onSchedule) {
            schedule.requestSent(System.nanoTime());
        }
        awaitingAnswer = true;
        ChannelFuture written = http.sendGet(ctx, ByteCategory.EMPTY_RESPONSE,
                "If-None-Match", client.etag(), "If-Modified-Since", client.lastModified());
        if (readyWhenRequestSent && !client.ready()) {
            written.addListener(f -> {
                if (f.isSuccess()) {
                    client.connectionReady();
                }
            });
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf in) {
        http.read(in);
    }

    @Override
    public void onHead(HttpResponseHead h) {
        head = h;
        if (failed(h)) {
            http.reportFailedStatus(h);
            return;
        }
        client.connectionReady();
        client.validators(h.header("etag"), h.header("last-modified"));
        if (client.target().pushbenchFraming()) {
            client.lost(h.longHeader(LOST_HEADER, 0));
        }
    }

    @Override
    public void onContent(ByteBuf content) {
        contentBytes += content.readableBytes();
        if (head.status() == 200) {
            parser.content(content, this);
        }
    }

    @Override
    public void onFramingBytes(int bytes) {
        framingBytes += bytes;
    }

    @Override
    public void onMessage(long seq, ByteBuf payload, int recordFramingBytes) {
        messages++;
        payloadBytes += payload.readableBytes();
        long s = client.target().pushbenchFraming() ? seq : client.target().seqReader().seqOf(payload);
        client.deliver(s, payload, http.receiveNanos());
    }

    @Override
    public void onEnd() {
        if (head.status() == 200) {
            parser.end(this);
        }
        boolean drain = drainMessageAnswers && messages > 0;
        attributeExchange();
        boolean close = head.connectionClose();
        boolean failed = failed(head);
        head = null;
        awaitingAnswer = false;
        answers++;
        if (!ctx.channel().isActive()) {
            client.expectClose(nextDelayNanos(drain)); // a body delimited by the connection's close
            return;
        }
        if (close || failed) {
            if (!failed) {
                client.expectClose(nextDelayNanos(drain)); // reconnect in time for the request owed
            }
            ctx.close();
            return;
        }
        if (drain) {
            sendRequest(false);
        } else {
            scheduleRequest(schedule.delayBeforeNextNanos(System.nanoTime()));
        }
    }

    private long nextDelayNanos(boolean drain) {
        return drain ? 0 : schedule.delayBeforeNextNanos(System.nanoTime());
    }

    /** An answer that is neither a success nor {@code 304}: the connection is closed and retried after a backoff. */
    private static boolean failed(HttpResponseHead h) {
        return h.status() >= 400 || (h.status() >= 300 && h.status() != 304) || h.status() < 200;
    }

    private void attributeExchange() {
        var ledger = client.ledger();
        if (messages == 0) {
            client.emptyResponse();
            ledger.attribute(Direction.DOWN, ByteCategory.EMPTY_RESPONSE, head.sizeBytes() + framingBytes + contentBytes);
            ledger.attributePending(Direction.UP, ByteCategory.EMPTY_RESPONSE);
        } else {
            ledger.attribute(Direction.DOWN, ByteCategory.HTTP_HEADERS, head.sizeBytes());
            ledger.attribute(Direction.DOWN, ByteCategory.FRAMING, framingBytes + contentBytes - payloadBytes);
            ledger.attribute(Direction.DOWN, ByteCategory.PAYLOAD, payloadBytes);
            ledger.attributePending(Direction.UP, ByteCategory.HTTP_HEADERS);
        }
        framingBytes = 0;
        contentBytes = 0;
        payloadBytes = 0;
        messages = 0;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            serverClosed = true;
            ctx.close();
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        boolean idle = nextRequest != null;
        if (idle) {
            nextRequest.cancel(false);
        }
        boolean cutOff = http.connectionClosed(); // may complete a close-delimited answer (onEnd)
        boolean byServer = serverClosed || ioFailure != null;
        if (!client.closing()) {
            if (cutOff) {
                client.error("connection closed in the middle of a response", ioFailure);
            } else if (!byServer) {
                // closed on this side (an answer's Connection: close, an error, or a dropped connection): decided there
            } else if (idle) {
                client.expectClose(schedule.delayBeforeNextNanos(System.nanoTime())); // idle keep-alive connection closed
            } else if (awaitingAnswer && answers > 0) {
                schedule.requestUnanswered();
                client.expectClose(0); // the close crossed a request on a reused connection: send it again at once
            } else if (awaitingAnswer) {
                client.error("connection closed before answering its first request", ioFailure);
            } else if (ioFailure != null) {
                client.error(ResourceLimitDiagnosis.describe(ioFailure, null), ioFailure);
            }
        }
        client.connectionClosed();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException && ResourceLimitDiagnosis.limitMessage(cause, null) == null) {
            ioFailure = cause; // e.g. a reset: the close decides whether it was a keep-alive end or an error
        } else if (!client.closing()) {
            client.error(ResourceLimitDiagnosis.describe(cause, null), cause);
        }
        ctx.close();
    }
}
