package io.pushbench.server.wire;

import io.netty.util.AsciiString;

/** The pushbench-specific HTTP header names and content types of docs/wire-format.md. */
public final class WireHeaders {

    /** On a publish answer: the sequence number the message got. */
    public static final AsciiString SEQ = AsciiString.cached("X-Pushbench-Seq");
    /** On a poll answer: the {@code after} to send next. */
    public static final AsciiString NEXT_AFTER = AsciiString.cached("X-Pushbench-Next-After");
    /** On a poll answer: how many messages retention dropped before the client got them. */
    public static final AsciiString LOST = AsciiString.cached("X-Pushbench-Lost");
    /** The content type of a poll batch body. */
    public static final AsciiString BATCH_CONTENT_TYPE = AsciiString.cached("application/x-pushbench-batch");
    /** The content type of an SSE stream. */
    public static final AsciiString EVENT_STREAM_CONTENT_TYPE = AsciiString.cached("text/event-stream");

    private WireHeaders() {
    }
}
