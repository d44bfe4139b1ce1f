package io.pushbench.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The read and idle timeouts of one HTTP connection. "Idle" means the client owes the next move and makes
 * none; while the server owes the answer (a held long poll, an SSE or WebSocket stream) no timer runs.
 * <ul>
 *   <li>a new connection has the request read timeout to send its first byte, else it is closed;</li>
 *   <li>from a request's first byte, the whole request (head and body) must arrive within the request read
 *       timeout, else {@code 408} and close (slowloris);</li>
 *   <li>after a complete answer, the next request must start within the idle timeout, else close.</li>
 * </ul>
 * Two stages: {@link #bytesWatch()} before the HTTP codec sees a request start; {@link #messageWatch()} after
 * it sees the request end and the answer end (a {@code 101} turns the connection into a stream: no timers).
 */
public final class RequestTimeouts {

    private enum State { WAITING, READING, ANSWERING, STREAM }

    private final long readTimeoutNanos;
    private final long idleTimeoutNanos;
    private State state = State.WAITING;
    private ScheduledFuture<?> timer;
    private ChannelHandlerContext messageCtx;

    public RequestTimeouts(long readTimeoutNanos, long idleTimeoutNanos) {
        this.readTimeoutNanos = readTimeoutNanos;
        this.idleTimeoutNanos = idleTimeoutNanos;
    }

    /** The stage before the HTTP codec: the first bytes of a request start the read timeout. */
    public ChannelHandler bytesWatch() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (state == State.WAITING && msg instanceof ByteBuf buf && buf.isReadable()) {
                    state = State.READING;
                    schedule(ctx, readTimeoutNanos);
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    /** The stage after the HTTP codec: a request's end stops the timer, an answer's end starts the idle timer. */
    public ChannelHandler messageWatch() {
        return new ChannelDuplexHandler() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                messageCtx = ctx;
            }

            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                schedule(ctx, readTimeoutNanos);   // the first byte is due within the read timeout
                ctx.fireChannelActive();
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof LastHttpContent && state != State.STREAM) {
                    state = State.ANSWERING;
                    cancel();
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof HttpResponse response
                        && response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
                    state = State.STREAM;
                    cancel();
                } else if (msg instanceof LastHttpContent && state == State.ANSWERING) {
                    promise.addListener(f -> answered(ctx));
                }
                ctx.write(msg, promise);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                cancel();
                ctx.fireChannelInactive();
            }
        };
    }

    private void answered(ChannelHandlerContext ctx) {
        if (state == State.ANSWERING && ctx.channel().isActive()) {
            state = State.WAITING;
            schedule(ctx, idleTimeoutNanos);
        }
    }

    private void schedule(ChannelHandlerContext ctx, long delayNanos) {
        cancel();
        timer = ctx.executor().schedule(this::expired, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expired() {
        timer = null;
        if (state == State.READING && messageCtx.channel().isActive()) {
            state = State.STREAM;   // nothing more is timed on this connection: it closes
            Responses.sendTextAndDrain(messageCtx, HttpResponseStatus.REQUEST_TIMEOUT, "request not received within "
                    + TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos) + " ms of its first byte");
        } else if (state == State.WAITING) {
            messageCtx.close().addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }
}
