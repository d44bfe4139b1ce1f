package io.pushbench.bench.client.poll;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pushbench.bench.client.http.HttpFramingException;

/**
 * A body of LF-terminated lines, one payload per non-empty line (newline-delimited messages); the line end (LF or
 * CRLF) is framing, and so are blank lines. A last line without LF is a payload too.
 */
public final class LineBodyParser implements PollBodyParser {
    private final ByteBuf partial = Unpooled.buffer(256);

    @Override
    public void content(ByteBuf piece, Sink sink) {
        while (piece.isReadable()) {
            int lf = piece.indexOf(piece.readerIndex(), piece.writerIndex(), (byte) '\n');
            if (lf < 0) {
                if (partial.readableBytes() + piece.readableBytes() > BatchBodyParser.MAX_PAYLOAD_BYTES) {
                    throw new HttpFramingException("line longer than " + BatchBodyParser.MAX_PAYLOAD_BYTES + " bytes");
                }
                partial.writeBytes(piece);
                return;
            }
            ByteBuf line = piece.readSlice(lf - piece.readerIndex());
            piece.skipBytes(1);
            if (partial.isReadable()) {
                partial.writeBytes(line);
                line = partial;
            }
            emit(line, 1, sink);
            partial.clear();
        }
    }

    private void emit(ByteBuf line, int lineEndBytes, Sink sink) {
        int end = line.writerIndex();
        if (line.isReadable() && line.getByte(end - 1) == '\r') {
            line = line.slice(line.readerIndex(), line.readableBytes() - 1);
            lineEndBytes++;
        }
        if (line.isReadable()) {
            sink.onMessage(-1, line, lineEndBytes);
        }
    }

    @Override
    public void end(Sink sink) {
        if (partial.isReadable()) {
            emit(partial, 0, sink);
        }
        partial.clear();
    }

}
