package io.pushbench.bench.jmh.wire;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import io.pushbench.server.log.LogRead;
import io.pushbench.server.log.Message;
import io.pushbench.server.metrics.TrafficCounters;
import io.pushbench.server.push.BatchWrite;
import io.pushbench.server.shortpoll.BatchAnswer;
import io.pushbench.server.sse.SseStreamHandler;
import io.pushbench.server.wire.SseEventEncoder;
import io.pushbench.server.wire.WebSocketMessageEncoder;
import io.pushbench.server.wire.WireHeaders;

import java.util.List;
import java.util.Map;

/**
 * How the server puts one message on the wire, per strategy: the server's own encoders and answer
 * code, in front of the Netty encoders its pipeline has, on an {@link EmbeddedWire}.
 *
 * <p>Typical use: {@code EmbeddedWire wire = ServerEncoding.SSE_EVENT.open(); ServerEncoding.SSE_EVENT.write(wire, message); int n = wire.drainBytes();}
 */
public enum ServerEncoding {
    /**
     * A poll or long-poll answer with one message: {@code BatchAnswer} (both polling strategies answer with
     * it) writing a 200 with a one-record batch body, keep-alive, through {@code HttpResponseEncoder}.
     */
    POLL_ANSWER {
        @Override
        public EmbeddedWire open() {
            return new EmbeddedWire(new HttpResponseEncoder());
        }

        @Override
        public void write(EmbeddedWire wire, Message m) {
            BatchAnswer.send(wire.applicationContext(), new LogRead(0, List.of(m), m.seq()), true, UNUSED_COUNTERS);
        }
    },
    /**
     * One event in one HTTP chunk on an open event stream, as {@code SseStreamHandler} writes a single
     * message: framed in place and written below the HTTP encoder; {@link #open()} has already written the
     * stream's head through the encoder (drain it first).
     */
    SSE_EVENT {
        @Override
        public EmbeddedWire open() {
            EmbeddedWire wire = new EmbeddedWire(new HttpResponseEncoder());
            wire.applicationContext().writeAndFlush(sseHead());
            return wire;
        }

        @Override
        public void write(EmbeddedWire wire, Message m) {
            BatchWrite.write(wire.codecContext(), List.of(m), SseEventEncoder::eventBytes,
                    SseEventEncoder::encodeEvent, SseStreamHandler.HTTP_CHUNK, UNUSED_COUNTERS);
            wire.applicationContext().flush();
        }
    },
    /**
     * One binary frame {@code <seq> LF <payload>}, unmasked, as {@code WebSocketStreamHandler} writes it on a
     * connection without extensions: framed in place by the server's encoder (the bytes pass Netty's frame
     * encoder untouched).
     */
    WS_FRAME {
        @Override
        public EmbeddedWire open() {
            return new EmbeddedWire(new WebSocket08FrameEncoder(false));
        }

        @Override
        public void write(EmbeddedWire wire, Message m) {
            BatchWrite.write(wire.applicationContext(), List.of(m), WebSocketMessageEncoder::frameBytes,
                    WebSocketMessageEncoder::encodeFrame, BatchWrite.Framing.NONE, UNUSED_COUNTERS);
            wire.applicationContext().flush();
        }
    },
    /**
     * {@link #WS_FRAME} with permessage-deflate, Netty's server defaults (level 6, 15-bit window, context
     * takeover): the compressor keeps its window across the messages of one wire.
     */
    WS_FRAME_DEFLATE {
        @Override
        public EmbeddedWire open() {
            // outbound order is tail to head: deflate first, then framing
            return new EmbeddedWire(new WebSocket08FrameEncoder(false), new PerMessageDeflateServerExtensionHandshaker()
                    .handshakeExtension(new WebSocketExtensionData("permessage-deflate", Map.of()))
                    .newExtensionEncoder());
        }

        @Override
        public void write(EmbeddedWire wire, Message m) {
            ByteBuf data = wire.applicationContext().alloc().buffer(WebSocketMessageEncoder.dataBytes(m));
            WebSocketMessageEncoder.encodeData(m, data);
            wire.applicationContext().writeAndFlush(new BinaryWebSocketFrame(data));
        }
    };

    /** BatchAnswer counts what it sends; these counters are not read. */
    private static final TrafficCounters UNUSED_COUNTERS = new TrafficCounters();

    /**
     * A new wire with this strategy's encoders, ready for its first message. What a connection sends
     * before its first message (the SSE stream's head) waits at the socket end: drain it first.
     */
    public abstract EmbeddedWire open();

    /** Writes and flushes one message on {@code wire}; its bytes wait at the socket end to be drained. */
    public abstract void write(EmbeddedWire wire, Message m);

    /** The head of an event stream, as SseStreamHandler sends it. */
    static HttpResponse sseHead() {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, WireHeaders.EVENT_STREAM_CONTENT_TYPE)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        return head;
    }
}
