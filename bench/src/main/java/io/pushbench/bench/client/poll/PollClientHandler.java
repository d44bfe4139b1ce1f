package io.pushbench.bench.client.poll;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import io.pushbench.bench.client.ResourceLimitDiagnosis;
import io.pushbench.bench.client.SimulatedClient;
import io.pushbench.bench.client.UrlTemplate;
import io.pushbench.bench.client.http.HttpClientConnection;
import io.pushbench.bench.client.http.HttpResponseFramer;
import io.pushbench.bench.client.http.HttpResponseHead;
import io.pushbench.model.ByteCategory;
import io.pushbench.model.Direction;

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
 */
public final class PollClientHandler extends SimpleChannelInboundHandler<ByteBuf>
        implements HttpResponseFramer.Listener, PollBodyParser.Sink {
    private static final String LOST_HEADER = "x-pushbench-lost";

    private final SimulatedClient client;
    private final PollSchedule schedule;
    private final PollBodyParser parser;
    private final boolean readyWhenRequestSent;
    private final HttpClientConnection http;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> nextRequest;

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
     */
    public PollClientHandler(SimulatedClient client, UrlTemplate template, PollSchedule schedule, PollBodyParser parser,
                             boolean readyWhenRequestSent) {
        this.client = client;
        this.schedule = schedule;
        this.parser = parser;
        this.readyWhenRequestSent = readyWhenRequestSent;
        this.http = new HttpClientConnection(client, template, this);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        sendRequest();
        ctx.fireChannelActive();
    }

    private void sendRequest() {
        nextRequest = null;
        if (!ctx.channel().isActive() || client.closing()) {
            return;
        }
        schedule.requestSent(System.nanoTime());
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
        attributeExchange();
        boolean close = head.connectionClose();
        boolean failed = failed(head);
        head = null;
        if (!ctx.channel().isActive()) {
            client.expectClose(); // a body delimited by the connection's close
            return;
        }
        if (close || failed) {
            if (close && !failed) {
                client.expectClose();
            }
            ctx.close();
            return;
        }
        long delay = schedule.delayBeforeNextNanos(System.nanoTime());
        if (delay <= 0) {
            sendRequest();
        } else {
            nextRequest = ctx.executor().schedule(this::sendRequest, delay, TimeUnit.NANOSECONDS);
        }
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
    public void channelInactive(ChannelHandlerContext ctx) {
        if (nextRequest != null) {
            nextRequest.cancel(false);
        }
        if (http.connectionClosed()) {
            client.error("connection closed in the middle of a response", null);
        }
        client.connectionClosed();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        client.error(ResourceLimitDiagnosis.describe(cause, null), cause);
        ctx.close();
    }
}
