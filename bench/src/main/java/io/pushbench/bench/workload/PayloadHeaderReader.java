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
        // one pass over the three numbers: a field counts when it is 1..18 digits ended by a space
        int field = 0;
        long value = 0;
        int digits = 0;
        boolean bad = false;
        for (i++; i < n && field < 3; i++) {
            int d = head[i] - '0';
            if (head[i] == ' ') {
                long v = bad || digits == 0 ? -1 : value;
                if (field == 0) {
                    seq = v;
                } else if (field == 1) {
                    scheduledNanos = v;
                } else {
                    sendNanos = v;
                }
                field++;
                value = 0;
                digits = 0;
                bad = false;
            } else if (d < 0 || d > 9 || digits == MAX_DIGITS) {
                bad = true;
            } else {
                value = value * 10 + d;
                digits++;
            }
        }
        return true;
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
