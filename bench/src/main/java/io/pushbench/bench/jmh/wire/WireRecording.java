package io.pushbench.bench.jmh.wire;

import io.pushbench.bench.jmh.MessageSource;
import io.pushbench.server.log.Message;

/**
 * The bytes one server connection sent for a run of consecutive messages: the stream's head (SSE; empty
 * otherwise) and each message's wire bytes, in order, from one fresh wire.
 *
 * <p>Why a run and not one message: with permessage-deflate each frame depends on the ones before it
 * (context takeover), so a decoder must see them in order. Replaying the run from its start again is
 * valid too: the first frame came from an empty window, so it references nothing before it.
 *
 * @param streamHead bytes sent before the first message (the SSE response head), possibly empty
 * @param messages   the wire bytes of message 1, 2, ... in send order
 */
public record WireRecording(byte[] streamHead, byte[][] messages) {

    /** Records one cycle of {@code source}'s distinct payloads through a fresh wire of {@code encoding}. */
    public static WireRecording record(ServerEncoding encoding, MessageSource source) {
        try (EmbeddedWire wire = encoding.open()) {
            byte[] head = wire.drainCopy();
            byte[][] messages = new byte[source.distinctPayloads()][];
            for (int i = 0; i < messages.length; i++) {
                source.advance();
                encoding.write(wire, new Message(source.seq(), source.payload(), 0L));
                messages[i] = wire.drainCopy();
            }
            return new WireRecording(head, messages);
        }
    }
}
