package io.pushbench.bench.client.poll;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.pushbench.bench.client.http.HttpFramingException;

/**
 * Parses the pushbench batch body, {@code <seq> SP <length> LF <payload> LF} per record (docs/wire-format.md),
 * incrementally: records may be split anywhere across pieces. A payload inside one piece is passed as a slice
 * (no copy); a split one is gathered into a buffer first.
 */
public final class BatchBodyParser implements PollBodyParser {
    /** The largest payload accepted, in bytes. */
    public static final int MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

    private enum State { SEQ, LENGTH, PAYLOAD, END_LF }

    private State state = State.SEQ;
    private long seq;
    private long length;
    private int digits;
    private int headerBytes;
    private ByteBuf gathered;

    @Override
    public void content(ByteBuf piece, Sink sink) {
        while (piece.isReadable()) {
            switch (state) {
                case SEQ -> readNumber(piece, (byte) ' ', State.LENGTH);
                case LENGTH -> readNumber(piece, (byte) '\n', State.PAYLOAD);
                case PAYLOAD -> readPayload(piece, sink);
                case END_LF -> {
                    if (piece.readByte() != '\n') {
                        throw new HttpFramingException("batch record of seq " + seq + " not followed by LF");
                    }
                    state = State.SEQ;
                }
            }
        }
    }

    private void readNumber(ByteBuf piece, byte terminator, State next) {
        while (piece.isReadable()) {
            byte b = piece.readByte();
            headerBytes++;
            if (b == terminator && digits > 0) {
                digits = 0;
                state = next;
                if (next == State.PAYLOAD && length > MAX_PAYLOAD_BYTES) {
                    throw new HttpFramingException("batch record of seq " + seq + " has length " + length
                            + " > " + MAX_PAYLOAD_BYTES);
                }
                return;
            }
            if (b < '0' || b > '9' || ++digits > 18) {
                throw new HttpFramingException("bad batch record header byte 0x" + Integer.toHexString(b & 0xff)
                        + (state == State.SEQ ? " in seq" : " in length"));
            }
            if (state == State.SEQ) {
                seq = seq * 10 + (b - '0');
            } else {
                length = length * 10 + (b - '0');
            }
        }
    }

    private void readPayload(ByteBuf piece, Sink sink) {
        if (gathered == null && piece.readableBytes() >= length) {
            deliver(piece.readSlice((int) length), sink);
            return;
        }
        if (gathered == null) {
            gathered = Unpooled.buffer((int) length);
        }
        int n = (int) Math.min(length - gathered.readableBytes(), piece.readableBytes());
        gathered.writeBytes(piece, n);
        if (gathered.readableBytes() == length) {
            ByteBuf payload = gathered;
            gathered = null;
            deliver(payload, sink);
        }
    }

    private void deliver(ByteBuf payload, Sink sink) {
        // the trailing LF is counted with the record although it is checked after the delivery
        sink.onMessage(seq, payload, headerBytes + 1);
        seq = 0;
        length = 0;
        headerBytes = 0;
        state = State.END_LF;
    }

    @Override
    public void end(Sink sink) {
        boolean clean = state == State.SEQ && headerBytes == 0;
        state = State.SEQ;
        seq = 0;
        length = 0;
        digits = 0;
        headerBytes = 0;
        gathered = null;
        if (!clean) {
            throw new HttpFramingException("batch body ended inside a record");
        }
    }
}
