package io.pushbench.bench.client.sse;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.pushbench.bench.client.ResourceLimitDiagnosis;
import io.pushbench.bench.client.SimulatedClient;
import io.pushbench.bench.client.UrlTemplate;
import io.pushbench.bench.client.bytes.ByteLedger;
import io.pushbench.bench.client.http.HttpClientConnection;
import io.pushbench.bench.client.http.HttpResponseFramer;
import io.pushbench.bench.client.http.HttpResponseHead;
import io.pushbench.model.ByteCategory;
import io.pushbench.model.Direction;

/**
 * One SSE connection: sends {@code GET} with {@code Accept: text/event-stream} (and {@code Last-Event-ID} when
 * resuming), then parses the never-ending response into events.
 *
 * <p>Byte attribution: request and response head are {@link ByteCategory#HTTP_HEADERS}; chunk framing and the
 * {@code id:}/{@code data:} field names and line ends of message events are {@link ByteCategory#FRAMING}; the joined
 * data of a message event is {@link ByteCategory#PAYLOAD}; comments, {@code retry:}, the BOM and notices (the
 * {@code pushbench-lost} event) are {@link ByteCategory#HEARTBEAT}. A non-200 answer is an
 * {@link ByteCategory#EMPTY_RESPONSE}.
 *
 * <p>A stream the server ends (its last chunk, the end of a {@code Content-Length} body, or its close ending a
 * close-delimited body, which nginx + nchan sends) is not an error: like a browser's EventSource the client
 * reconnects after the reconnection time with {@code Last-Event-ID} and counts a reconnect. The client's own close at
 * the end of a run ends a close-delimited body too: that is never reported.
 */
public final class SseClientHandler extends SimpleChannelInboundHandler<ByteBuf>
        implements HttpResponseFramer.Listener, SseEventParser.Listener {
    /** The event type of the pushbench server's lost-messages notice. */
    public static final String LOST_EVENT = "pushbench-lost";

    private final SimulatedClient client;
    private final HttpClientConnection http;
    private final SseEventParser parser = new SseEventParser(this);
    private final ByteLedger ledger;
    private ChannelHandlerContext ctx;
    /** The answer's status, 0 before its head; the head itself is not kept (~350 B a connection). */
    private int status;
    private int headBytes;
    private boolean serverClosed;

    public SseClientHandler(SimulatedClient client, UrlTemplate template) {
        this.client = client;
        this.ledger = client.ledger();
        this.http = new HttpClientConnection(client, template, io.pushbench.bench.client.headers.RequestKind.EVENT_SOURCE, this);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        // see the server's FIN as an event, to tell its close from the client's own
        ctx.channel().config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        // the request counts as headers, or as an empty response when the answer is not 200
        http.sendGet(ctx, ByteCategory.HTTP_HEADERS, "Accept", "text/event-stream", "Last-Event-ID", client.lastEventId());
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf in) {
        http.read(in);
    }

    @Override
    public void onHead(HttpResponseHead h) {
        status = h.status();
        headBytes = h.sizeBytes();
        if (h.status() == 200) {
            ledger.attribute(Direction.DOWN, ByteCategory.HTTP_HEADERS, h.sizeBytes());
            ledger.attributePending(Direction.UP, ByteCategory.HTTP_HEADERS);
            client.leftoverCategory(ByteCategory.FRAMING);
            client.connectionReady();
        } else {
            client.emptyResponse();
            client.leftoverCategory(ByteCategory.EMPTY_RESPONSE);
            ledger.attributePending(Direction.UP, ByteCategory.EMPTY_RESPONSE);
            http.reportFailedStatus(h);
        }
    }

    @Override
    public void onContent(ByteBuf content) {
        if (status == 200) {
            parser.feed(content);
        } else {
            ledger.attribute(Direction.DOWN, ByteCategory.EMPTY_RESPONSE, content.readableBytes());
        }
    }

    @Override
    public void onFramingBytes(int bytes) {
        ledger.attribute(Direction.DOWN, status == 200 ? ByteCategory.FRAMING : ByteCategory.EMPTY_RESPONSE, bytes);
    }

    @Override
    public void onEnd() {
        if (status != 200) {
            ledger.attribute(Direction.DOWN, ByteCategory.EMPTY_RESPONSE, headBytes);
        } else if (!client.closing() && (ctx.channel().isActive() || serverClosed)) {
            // the server ended the stream (last chunk, or its close ending a close-delimited body): not an error
            client.streamEnded();
        }
        ctx.close();
    }

    @Override
    public void onEvent(String type, String lastEventId, ByteBuf data, int eventBytes) {
        client.lastEventId(lastEventId);
        boolean pushbench = client.target().pushbenchFraming();
        if (pushbench && LOST_EVENT.equals(type)) {
            ledger.attribute(Direction.DOWN, ByteCategory.HEARTBEAT, eventBytes);
            client.lost(parseLong(data.toString(java.nio.charset.StandardCharsets.US_ASCII)));
            return;
        }
        if (pushbench && !"message".equals(type)) {
            ledger.attribute(Direction.DOWN, ByteCategory.HEARTBEAT, eventBytes);
            return;
        }
        int payloadBytes = data.readableBytes();
        ledger.attribute(Direction.DOWN, ByteCategory.PAYLOAD, payloadBytes);
        ledger.attribute(Direction.DOWN, ByteCategory.FRAMING, eventBytes - payloadBytes);
        long seq = pushbench ? parseLong(lastEventId) : client.target().seqReader().seqOf(data);
        client.deliver(seq, data, http.receiveNanos());
    }

    @Override
    public void onOtherBytes(int bytes) {
        ledger.attribute(Direction.DOWN, ByteCategory.HEARTBEAT, bytes);
    }

    @Override
    public void onRetry(long millis) {
        client.serverRetryMillis(millis);
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
        if (http.connectionClosed() && status != 0 && status != 200) {
            ledger.attributePending(Direction.DOWN, ByteCategory.EMPTY_RESPONSE);
        }
        client.connectionClosed();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (client.closing()) {
            ctx.close(); // the client's own close: never an error
            return;
        }
        client.error(ResourceLimitDiagnosis.describe(cause, null), cause);
        ctx.close();
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
