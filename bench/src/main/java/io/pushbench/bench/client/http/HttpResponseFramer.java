package io.pushbench.bench.client.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;

/**
 * Splits the bytes of a stream of HTTP/1.1 responses (keep-alive) into heads, body content and framing, counting
 * every byte exactly: head bytes, chunk framing bytes (size lines, CRLFs, last chunk, trailers) and content bytes
 * add up to the bytes fed. Callable outside a channel (tests, JMH): feed it buffers, get callbacks.
 *
 * <p>Bodies: none for 1xx/204/304, {@code Content-Length}, chunked, or until the connection closes. A response
 * completes with {@link Listener#onEnd()} and the framer waits for the next head. Not thread-safe; one per connection.
 */
public final class HttpResponseFramer {
    /** Receives the parts of responses; buffers are readable only during the call. */
    public interface Listener {
        void onHead(HttpResponseHead head);

        void onContent(ByteBuf content);

        void onFramingBytes(int bytes);

        void onEnd();
    }

    /** The largest head or chunk line accepted. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    private enum State { HEAD, FIXED, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE }

    private final Listener listener;
    /** Heads and lines being assembled, of every framer: see {@link SpillBuffer}. */
    private static final SpillBuffer LINES = new SpillBuffer();

    /**
     * A head, or a chunk line cut by the end of a read, being assembled ({@link #LINES}); empty otherwise (a chunk
     * line all in one read is read in place): an idle connection holds no buffer (docs/scale.md).
     */
    private ByteBuf line = Unpooled.EMPTY_BUFFER;
    private State state = State.HEAD;
    private int headStart;
    private int lineStart;
    private long remaining;
    /** The end (exclusive) of the line {@link #nextLine} gave. */
    private int lineEnd;

    public HttpResponseFramer(Listener listener) {
        this.listener = listener;
    }

    /** Feeds bytes read from the connection (all of {@code in} is consumed). */
    public void feed(ByteBuf in) {
        try {
            while (in.isReadable()) {
                switch (state) {
                    case HEAD -> readHead(in);
                    case FIXED -> readFixed(in);
                    case CHUNK_SIZE -> readChunkSize(in);
                    case CHUNK_DATA -> readChunkData(in);
                    case CHUNK_END, TRAILERS -> readChunkEndOrTrailer(in);
                    case UNTIL_CLOSE -> listener.onContent(in.readSlice(in.readableBytes()));
                }
            }
        } finally {
            line = LINES.spilled(line);
        }
    }

    /**
     * The connection closed: a body delimited by the close completes.
     *
     * @return true when a response was cut off (bytes of an unfinished response were read)
     */
    public boolean connectionClosed() {
        if (state == State.UNTIL_CLOSE) {
            state = State.HEAD;
            listener.onEnd();
            return false;
        }
        return state != State.HEAD || line.isReadable();
    }

    /** Whether a response is in progress (head begun, body not complete). */
    public boolean inResponse() {
        return state != State.HEAD || line.isReadable();
    }

    private void readHead(ByteBuf in) {
        while (in.isReadable()) {
            if (!appendLine(in)) {
                return;
            }
            int lineLength = line.writerIndex() - lineStart;
            boolean blank = lineLength == 1 || (lineLength == 2 && line.getByte(lineStart) == '\r');
            lineStart = line.writerIndex();
            if (blank && lineStart - lineLength > headStart) {
                HttpResponseHead head = HttpResponseHead.parse(line);
                releaseLine();
                headStart = 0;
                lineStart = 0;
                startBody(head);
                return;
            }
            if (blank) {
                // stray CRLF between responses (allowed by RFC 9112): counted with the next head
                headStart = lineStart;
            }
        }
    }

    private void startBody(HttpResponseHead head) {
        listener.onHead(head);
        if (head.bodiless()) {
            end();
        } else if (head.chunked()) {
            state = State.CHUNK_SIZE;
        } else if (head.contentLength() >= 0) {
            remaining = head.contentLength();
            state = State.FIXED;
            if (remaining == 0) {
                end();
            }
        } else {
            state = State.UNTIL_CLOSE;
        }
    }

    private void readFixed(ByteBuf in) {
        int n = (int) Math.min(remaining, in.readableBytes());
        listener.onContent(in.readSlice(n));
        remaining -= n;
        if (remaining == 0) {
            end();
        }
    }

    private void readChunkSize(ByteBuf in) {
        ByteBuf l = nextLine(in);
        if (l == null) {
            return;
        }
        int bytes = lineEnd - l.readerIndex();
        long size = parseChunkSize(l, l.readerIndex(), lineEnd);
        consumeLine(l);
        listener.onFramingBytes(bytes);
        if (size == 0) {
            state = State.TRAILERS;
        } else {
            remaining = size;
            state = State.CHUNK_DATA;
        }
    }

    private void readChunkData(ByteBuf in) {
        int n = (int) Math.min(remaining, in.readableBytes());
        listener.onContent(in.readSlice(n));
        remaining -= n;
        if (remaining == 0) {
            state = State.CHUNK_END;
        }
    }

    private void readChunkEndOrTrailer(ByteBuf in) {
        ByteBuf l = nextLine(in);
        if (l == null) {
            return;
        }
        int bytes = lineEnd - l.readerIndex();
        boolean blank = bytes == 1 || (bytes == 2 && l.getByte(l.readerIndex()) == '\r');
        consumeLine(l);
        listener.onFramingBytes(bytes);
        if (state == State.CHUNK_END) {
            if (!blank) {
                throw new HttpFramingException("chunk data not followed by CRLF");
            }
            state = State.CHUNK_SIZE;
        } else if (blank) {
            end();
        }
    }

    private void end() {
        state = State.HEAD;
        listener.onEnd();
    }

    /**
     * The buffer holding the next whole line (up to and including LF), from its reader index to {@link #lineEnd}:
     * {@code in} itself when the line is all there (read in place: no copy, no slice), else {@code line}, assembled
     * across reads; null while incomplete. Call {@link #consumeLine} when done with it.
     */
    private ByteBuf nextLine(ByteBuf in) {
        if (!line.isReadable()) {
            int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (lf >= 0 && lf - in.readerIndex() + 1 <= MAX_LINE_BYTES) {
                lineEnd = lf + 1;
                return in;
            }
        }
        if (!appendLine(in)) {
            return null;
        }
        lineEnd = line.writerIndex();
        return line;
    }

    /** Done with the line {@link #nextLine} gave: read past it, or its assembled copy released. */
    private void consumeLine(ByteBuf l) {
        if (l == line) {
            releaseLine();
        } else {
            l.readerIndex(lineEnd);
        }
    }

    /** Appends bytes up to and including the next LF to {@code line}; true when a whole line is there. */
    private boolean appendLine(ByteBuf in) {
        int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        int n = lf < 0 ? in.readableBytes() : lf - in.readerIndex() + 1;
        if (line.readableBytes() + n > MAX_LINE_BYTES) {
            throw new HttpFramingException("HTTP head or chunk line longer than " + MAX_LINE_BYTES + " bytes");
        }
        line = LINES.writable(line);
        line.writeBytes(in, n);
        return lf >= 0;
    }

    /** Done with the line or head assembled: its buffer goes (an idle connection holds none). */
    private void releaseLine() {
        line = LINES.released(line);
    }

    private static long parseChunkSize(ByteBuf line, int from, int to) {
        long size = 0;
        int digits = 0;
        for (int i = from; i < to; i++) {
            int c = line.getByte(i);
            int d = Character.digit(c, 16);
            if (d < 0) {
                break;
            }
            size = size * 16 + d;
            if (++digits > 15) {
                throw new HttpFramingException("chunk size too large");
            }
        }
        if (digits == 0) {
            throw new HttpFramingException("bad chunk size line '" + line.toString(from, to - from, StandardCharsets.ISO_8859_1).trim() + "'");
        }
        return size;
    }
}
