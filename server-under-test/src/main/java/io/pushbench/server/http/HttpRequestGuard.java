package io.pushbench.server.http;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers what the HTTP decoder could not decode, then closes: header block too large 431, request line
 * too long 414, anything else malformed 400. Sits right after the HTTP codec. The decoder discards what
 * follows a failure, so the connection is half-closed and drained, not reset (see
 * {@link Responses#sendTextAndDrain}).
 */
@Sharable
public final class HttpRequestGuard extends ChannelInboundHandlerAdapter {

    /** The name of this handler in the pipeline. */
    public static final String NAME = "guard";

    /** Stateless: one instance serves every connection. */
    public static final HttpRequestGuard INSTANCE = new HttpRequestGuard();

    private HttpRequestGuard() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DecoderResultProvider provider && provider.decoderResult().isFailure()) {
            DecoderResult result = provider.decoderResult();
            ReferenceCountUtil.release(msg);
            if (ctx.channel().isActive()) {
                Responses.sendTextAndDrain(ctx, statusFor(result.cause()), "bad request: " + result.cause().getMessage());
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private static HttpResponseStatus statusFor(Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        if (cause instanceof TooLongHttpLineException) {
            return HttpResponseStatus.REQUEST_URI_TOO_LONG;
        }
        return HttpResponseStatus.BAD_REQUEST;
    }
}
