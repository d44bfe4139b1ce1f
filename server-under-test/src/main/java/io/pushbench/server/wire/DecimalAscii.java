package io.pushbench.server.wire;

import io.netty.buffer.ByteBuf;

/** Writes non-negative longs as ASCII decimal digits straight into a buffer, without a String. */
public final class DecimalAscii {

    private DecimalAscii() {
    }

    /** The number of decimal digits of {@code value} (&ge; 0). */
    public static int digits(long value) {
        long bound = 10;   // multiply, not divide: this runs for every message written to every client
        for (int digits = 1; digits < 19; digits++) {
            if (value < bound) {
                return digits;
            }
            bound *= 10;
        }
        return 19;
    }

    /** Writes {@code value} (&ge; 0) as decimal digits at the buffer's writer index. */
    public static void write(ByteBuf out, long value) {
        int digits = digits(value);
        out.ensureWritable(digits);
        int end = out.writerIndex() + digits;
        long v = value;
        for (int i = end - 1; i >= out.writerIndex(); i--) {
            out.setByte(i, (int) ('0' + v % 10));
            v /= 10;
        }
        out.writerIndex(end);
    }
}
