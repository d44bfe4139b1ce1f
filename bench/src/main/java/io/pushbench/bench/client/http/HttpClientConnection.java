package io.pushbench.bench.client.http;

import io.pushbench.bench.client.headers.RequestKind;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.pushbench.bench.client.SimulatedClient;
import io.pushbench.bench.client.UrlTemplate;
import io.pushbench.model.ByteCategory;

/**
 * The HTTP/1.1 side of one polling or SSE connection: writes the client's {@code GET} requests (its topic and cursor
 * in the URL template, resume headers) and frames the bytes the server answers into responses, each read stamped
 * with its receive time. Confined to the connection's event loop; one per connection, used by the strategy's handler.
 *
 * <p>Typical use, in a handler that is the framer's {@link HttpResponseFramer.Listener}:
 * <pre>{@code
 * HttpClientConnection http = new HttpClientConnection(client, template, RequestKind.EVENT_SOURCE, this);
 * http.sendGet(ctx, ByteCategory.HTTP_HEADERS, "Accept", "text/event-stream");   // channelActive
 * http.read(in);                                                                // channelRead0: callbacks follow
 * client.deliver(seq, payload, http.receiveNanos());                            // in a callback
 * }</pre>
 */
public final class HttpClientConnection {
    private final SimulatedClient client;
    private final UrlTemplate template;
    private final HttpResponseFramer framer;
    private final HttpRequestWriter requests;
    private long receiveNanos;

    /**
     * A connection whose requests carry the client settings' headers of {@code kind} (e.g. a browser's) after Host.
     */
    public HttpClientConnection(SimulatedClient client, UrlTemplate template, RequestKind kind,
                                HttpResponseFramer.Listener listener) {
        this.client = client;
        this.template = template;
        this.framer = new HttpResponseFramer(listener);
        this.requests = client.requestWriter(template, kind);
    }

    /**
     * Writes a {@code GET} for the client's topic and cursor and counts it as a request. Its bytes stay pending until
     * the answer shows what they were.
     *
     * @param leftover       where the connection's pending bytes go if it closes before the answer is complete
     * @param namesAndValues optional headers as name, value pairs; a null or empty value leaves the header out
     */
    public ChannelFuture sendGet(ChannelHandlerContext ctx, ByteCategory leftover, String... namesAndValues) {
        ByteBuf request = requests.get(ctx.alloc(), client.lastSeq(), namesAndValues);
        client.ledger().writeCategory(null);
        client.leftoverCategory(leftover);
        client.requestSent();
        return ctx.writeAndFlush(request);
    }

    /** Frames bytes just read (all of {@code in}); the framer's callbacks run inside this call. */
    public void read(ByteBuf in) {
        receiveNanos = System.nanoTime();
        framer.feed(in);
    }

    /** When the bytes being framed were read ({@link System#nanoTime()}). */
    public long receiveNanos() {
        return receiveNanos;
    }

    /** Reports an answer that is not a success as the client's error, naming the status and the request. */
    public void reportFailedStatus(HttpResponseHead head) {
        client.error("HTTP " + head.status() + " from " + requestTarget(), null);
    }

    /**
     * The connection closed: a body delimited by the close completes.
     *
     * @return true when a response was cut off
     */
    public boolean connectionClosed() {
        return framer.connectionClosed();
    }

    private String requestTarget() {
        return template.requestTarget(client.topic(), client.lastSeq());
    }
}
