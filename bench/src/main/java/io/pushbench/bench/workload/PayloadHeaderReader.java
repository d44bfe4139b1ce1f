package io.pushbench.bench.workload;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;

import java.nio.charset.StandardCharsets;

/**
 * Reads the numbers of a {@link PayloadHeader} (seq, scheduled and send time) in one pass, without allocating: the
 * header's bytes are copied once into a scratch array and parsed there, instead of one bounds-checked
 * {@code getByte} per byte and one scan from the start per field. Reused for every payload; confined to one thread
 * ({@link #forCurrentThread()} hands each event loop its own).
 *
 * <p>Typical use, on a client event loop:
 * <pre>{@code
 * PayloadHeaderReader header = PayloadHeaderReader.forCurrentThread();
 * if (header.read(payload)) {
 *     long latencyNanos = receiveNanos - originNanos - header.scheduledNanos();
 * }
 * }</pre>
 */
public final class PayloadHeaderReader {
    /** The longest valid header: magic, a 128-character topic, three 18-digit numbers, their spaces. */
    static final int MAX_HEADER_BYTES = 4 + 128 + 1 + 3 * (18 + 1);
    private static final int MAX_DIGITS = 18;
    private static final byte[] MAGIC = {'p', 'b', '1', ' '};
    private static final FastThreadLocal<PayloadHeaderReader> PER_THREAD = new FastThreadLocal<>() {
        @Override
        protected PayloadHeaderReader initialValue() {
            return new PayloadHeaderReader();
        }
    };

    private final byte[] head = new byte[MAX_HEADER_BYTES];
    private int topicEnd;
    private long seq = -1;
    private long scheduledNanos = -1;
    private long sendNanos = -1;

    /** This thread's reader. */
    public static PayloadHeaderReader forCurrentThread() {
        return PER_THREAD.get();
    }

    /**
     * Reads the header at the payload's reader index (the indexes do not move).
     *
     * @return false when the payload does not start with the header's magic and a topic; the numbers are then -1
     */
    public boolean read(ByteBuf payload) {
        seq = -1;
        scheduledNanos = -1;
        sendNanos = -1;
        int n = Math.min(payload.readableBytes(), MAX_HEADER_BYTES);
        if (n < MAGIC.length) {
            return false;
        }
        payload.getBytes(payload.readerIndex(), head, 0, n);
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[i] != MAGIC[i]) {
                return false;
            }
        }
        int i = MAGIC.length;
        while (i < n && head[i] != ' ') {
            i++;
        }
        if (i == n) {
            return false;
        }
        topicEnd = i;
        int from = i + 1;
        int end = fieldEnd(from, n);
        seq = number(from, end);
        from = end + 1;
        end = end < 0 ? -1 : fieldEnd(from, n);
        scheduledNanos = number(from, end);
        from = end + 1;
        end = end < 0 ? -1 : fieldEnd(from, n);
        sendNanos = number(from, end);
        return true;
    }

    /** The index of the space ending the field that starts at {@code from}, or -1 when none comes before n. */
    private int fieldEnd(int from, int n) {
        for (int i = from; i < n; i++) {
            if (head[i] == ' ') {
                return i;
            }
        }
        return -1;
    }

    /** The decimal number in [from, end), or -1 when the field is missing, empty, not digits or too long. */
    private long number(int from, int end) {
        if (end < 0 || end == from || end - from > MAX_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < end; i++) {
            int d = head[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /** The topic of the header last read ({@link #read} returned true); allocates the string. */
    public String topic() {
        return new String(head, MAGIC.length, topicEnd - MAGIC.length, StandardCharsets.US_ASCII);
    }

    /** The seq of the header last read, or -1. */
    public long seq() {
        return seq;
    }

    /** The scheduled publish time of the header last read (ns since the run's origin), or -1. */
    public long scheduledNanos() {
        return scheduledNanos;
    }

    /** The actual send time of the header last read (ns since the run's origin), or -1. */
    public long sendNanos() {
        return sendNanos;
    }
}
