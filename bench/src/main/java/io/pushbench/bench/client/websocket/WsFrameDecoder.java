package io.pushbench.bench.client.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.pushbench.bench.client.bytes.ByteLedger;
import io.pushbench.model.ByteCategory;
import io.pushbench.model.Direction;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes the server's WebSocket frames (RFC 6455 section 5) into whole messages, in place: a data frame's content
 * is a retained slice of the bytes read from the socket (Netty's {@code WebSocket08FrameDecoder} copies every
 * frame's payload into a new buffer), and a fragmented message is assembled here, so one
 * {@link BinaryWebSocketFrame} or {@link TextWebSocketFrame} with the final flag comes out per message, in the
 * order received, with control frames (ping, pong, close) passed on as they come, also between fragments.
 *
 * <p>Byte accounting, from the frame headers actually read: control frames are attributed at once (ping/pong
 * {@link ByteCategory#HEARTBEAT}, close {@link ByteCategory#HANDSHAKE}); a message's frame header bytes and
 * application data bytes are added to the {@link WsWireTally} the handler takes when the message comes out; the
 * tally marks the message compressed when its first frame has RSV1 set ({@code permessage-deflate}).
 *
 * <p>The checks are Netty's: server frames must not be masked, RSV bits need a negotiated extension, no reserved
 * opcodes, control frames final and at most 125 bytes, lengths in their minimal encoding, continuation only inside
 * a fragmented message, a close body of 0 or 2+ bytes with a valid status and UTF-8 reason; messages of at most
 * {@code maxMessageBytes}. A violation answers with a close frame, closes the connection and raises
 * {@link CorruptedWebSocketFrameException}. Bytes after a close frame are discarded. One per connection.
 */
public final class WsFrameDecoder extends ByteToMessageDecoder implements WebSocketFrameDecoder {
    /** The pipeline name, the same as Netty's frame decoder's, which this one replaces after the handshake. */
    public static final String NAME = "ws-decoder";
    private static final int OPCODE_CONTINUATION = 0x0;
    private static final int OPCODE_TEXT = 0x1;
    private static final int OPCODE_BINARY = 0x2;
    private static final int OPCODE_CLOSE = 0x8;
    private static final int OPCODE_PING = 0x9;
    private static final int OPCODE_PONG = 0xA;
    private static final int RSV1 = 0x4;
    private static final int MAX_CONTROL_BYTES = 125;
    private static final int MAX_FRAGMENTS = 1024;

    private final ByteLedger ledger;
    private final WsWireTally tally;
    private final boolean allowExtensions;
    private final int maxMessageBytes;
    private CompositeByteBuf fragments;
    private int fragmentsOpcode;
    private int fragmentsRsv;
    private boolean closeReceived;
    private boolean corrupt;

    /**
     * @param ledger          the client's byte ledger (control frames are attributed into it)
     * @param tally           receives each message's frame header and data bytes
     * @param allowExtensions whether RSV bits may be set (an extension such as {@code permessage-deflate} was offered)
     * @param maxMessageBytes the largest message accepted, in bytes of application data on the wire
     */
    public WsFrameDecoder(ByteLedger ledger, WsWireTally tally, boolean allowExtensions, int maxMessageBytes) {
        this.ledger = ledger;
        this.tally = tally;
        this.allowExtensions = allowExtensions;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (closeReceived || corrupt) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int start = in.readerIndex();
        int readable = in.readableBytes();
        if (readable < 2) {
            return;
        }
        int b0 = in.getByte(start);
        int b1 = in.getByte(start + 1);
        boolean fin = (b0 & 0x80) != 0;
        int rsv = (b0 & 0x70) >> 4;
        int opcode = b0 & 0x0F;
        int length1 = b1 & 0x7F;
        if ((b1 & 0x80) != 0) {
            violation(ctx, in, WebSocketCloseStatus.PROTOCOL_ERROR, "received a masked frame from the server");
        }
        checkHead(ctx, in, fin, rsv, opcode, length1);
        int headerBytes = 2 + (length1 == 126 ? 2 : length1 == 127 ? 8 : 0);
        if (readable < headerBytes) {
            return;
        }
        long length = length1 == 126 ? in.getUnsignedShort(start + 2) : length1 == 127 ? in.getLong(start + 2) : length1;
        if ((length1 == 126 && length < 126) || (length1 == 127 && length < 65536)) {
            violation(ctx, in, WebSocketCloseStatus.PROTOCOL_ERROR, "invalid frame length (not the minimal length encoding)");
        }
        long messageBytes = length + (fragments == null || opcode >= OPCODE_CLOSE ? 0 : fragments.readableBytes());
        if (messageBytes > maxMessageBytes) {
            violation(ctx, in, WebSocketCloseStatus.MESSAGE_TOO_BIG, "message longer than " + maxMessageBytes + " bytes");
        }
        if (readable - headerBytes < length) {
            return;
        }
        in.skipBytes(headerBytes);
        ByteBuf data = in.readRetainedSlice((int) length);
        if (opcode >= OPCODE_CLOSE) {
            out.add(controlFrame(ctx, in, opcode, rsv, data, headerBytes));
            return;
        }
        tally.headerBytes += headerBytes;
        tally.dataBytes += length;
        if (opcode != OPCODE_CONTINUATION) {
            tally.compressed = (rsv & RSV1) != 0;
        }
        if (fin && fragments == null) {
            out.add(opcode == OPCODE_TEXT ? new TextWebSocketFrame(true, rsv, data) : new BinaryWebSocketFrame(true, rsv, data));
            return;
        }
        if (fragments == null) {
            fragments = ctx.alloc().compositeBuffer(MAX_FRAGMENTS);
            fragmentsOpcode = opcode;
            fragmentsRsv = rsv;
        }
        fragments.addComponent(true, data);
        if (fin) {
            ByteBuf message = fragments;
            fragments = null;
            out.add(fragmentsOpcode == OPCODE_TEXT
                    ? new TextWebSocketFrame(true, fragmentsRsv, message) : new BinaryWebSocketFrame(true, fragmentsRsv, message));
        }
    }

    /** The checks that need only the first two bytes of a frame. */
    private void checkHead(ChannelHandlerContext ctx, ByteBuf in, boolean fin, int rsv, int opcode, int length1) {
        if (rsv != 0 && !allowExtensions) {
            violation(ctx, in, WebSocketCloseStatus.PROTOCOL_ERROR, "RSV != 0 and no extension negotiated, RSV:" + rsv);
        }
        if (opcode >= OPCODE_CLOSE) {
            if (!fin) {
                violation(ctx, in, WebSocketCloseStatus.PROTOCOL_ERROR, "fragmented control frame");
            }
            if (length1 > MAX_CONTROL_BYTES) {
                violation(ctx, in, WebSocketCloseStatus.PROTOCOL_ERROR, "control frame with payload length > 125 octets");
            }
            if (opcode != OPCODE_CLOSE && opcode != OPCODE_PING && opcode != OPCODE_PONG) {
                violation(ctx, in, WebSocketCloseStatus.PROTOCOL_ERROR, "control frame using reserved opcode " + opcode);
            }
            if (opcode == OPCODE_CLOSE && length1 == 1) {
                violation(ctx, in, WebSocketCloseStatus.PROTOCOL_ERROR, "received close control frame with payload len 1");
            }
        } else if (opcode != OPCODE_CONTINUATION && opcode != OPCODE_TEXT && opcode != OPCODE_BINARY) {
            violation(ctx, in, WebSocketCloseStatus.PROTOCOL_ERROR, "data frame using reserved opcode " + opcode);
        } else if (opcode == OPCODE_CONTINUATION && fragments == null) {
            violation(ctx, in, WebSocketCloseStatus.PROTOCOL_ERROR, "received continuation data frame outside fragmented message");
        } else if (opcode != OPCODE_CONTINUATION && fragments != null) {
            violation(ctx, in, WebSocketCloseStatus.PROTOCOL_ERROR, "received non-continuation data frame while inside fragmented message");
        }
    }

    private Object controlFrame(ChannelHandlerContext ctx, ByteBuf in, int opcode, int rsv, ByteBuf data, int headerBytes) {
        int wireBytes = headerBytes + data.readableBytes();
        if (opcode == OPCODE_CLOSE) {
            ledger.attribute(Direction.DOWN, ByteCategory.HANDSHAKE, wireBytes);
            closeReceived = true;
            String problem = closeBodyProblem(data);
            if (problem != null) {
                data.release();
                violation(ctx, in, WebSocketCloseStatus.INVALID_PAYLOAD_DATA, problem);
            }
            return new CloseWebSocketFrame(true, rsv, data);
        }
        ledger.attribute(Direction.DOWN, ByteCategory.HEARTBEAT, wireBytes);
        return opcode == OPCODE_PING ? new PingWebSocketFrame(true, rsv, data) : new PongWebSocketFrame(true, rsv, data);
    }

    /** Why a close frame's body is invalid (RFC 6455 5.5.1, 7.4), or null when it is valid. */
    private static String closeBodyProblem(ByteBuf body) {
        if (!body.isReadable()) {
            return null;
        }
        int status = body.getUnsignedShort(body.readerIndex());
        if (!WebSocketCloseStatus.isValidStatusCode(status)) {
            return "Invalid close frame getStatus code: " + status;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(body.nioBuffer(body.readerIndex() + 2, body.readableBytes() - 2));
            return null;
        } catch (CharacterCodingException e) {
            return "Invalid close frame reason: not UTF-8";
        }
    }

    /** Like Netty's decoder: discard what is left, answer with a close frame, close, and raise. */
    private void violation(ChannelHandlerContext ctx, ByteBuf in, WebSocketCloseStatus status, String reason) {
        corrupt = true;
        in.skipBytes(in.readableBytes());
        if (ctx.channel().isActive()) {
            ledger.writeCategory(ByteCategory.HANDSHAKE);
            Object close = closeReceived ? Unpooled.EMPTY_BUFFER : WsControlFrames.close(ctx.alloc(), status.code(), reason);
            ctx.writeAndFlush(close).addListener(ChannelFutureListener.CLOSE);
        }
        throw new CorruptedWebSocketFrameException(status, reason);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        releaseFragments();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releaseFragments();
        super.channelInactive(ctx);
    }

    private void releaseFragments() {
        if (fragments != null) {
            fragments.release();
            fragments = null;
        }
    }
}
