package io.pushbench.bench.workload;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The printable-ASCII header every generated payload starts with, so that loss and latency can be measured
 * through any server that forwards payloads unchanged, whatever its own framing:
 *
 * <pre>
 * pb1 &lt;topic&gt; &lt;seq&gt; &lt;scheduledNanos&gt; &lt;sendNanos&gt; &lt;padding to the payload size&gt;
 * e.g. "pb1 t0 17 5000000000 5000012345 Qx3vK..."
 * </pre>
 *
 * Times are nanoseconds since the run's time origin on the load generator's monotonic clock
 * ({@link System#nanoTime()} minus the origin), so they are never negative. The padding is seeded pseudo-random
 * letters and digits (not one repeated byte, so compression is not flattered).
 *
 * <p>Typical use:
 * <pre>{@code
 * PayloadHeader header = new PayloadHeader(64, seed);
 * byte[] payload = header.encode("t0", 17, scheduledNanos, sendNanos);
 * long scheduled = PayloadHeader.scheduledNanos(buf);   // on the receiving side, without allocating
 * }</pre>
 * On a hot path that needs several fields of every payload, read them in one pass with a {@link PayloadHeaderReader}.
 */
public final class PayloadHeader {

    /** The smallest payload the header fits in for any topic of up to a million clients and a 27-hour run. */
    public static final int MIN_PAYLOAD_BYTES = 56;

    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.US_ASCII);

    private final byte[] padding;

    /**
     * @param payloadBytes the size of every payload this header encodes, at least {@link #MIN_PAYLOAD_BYTES}
     * @param seed         seed of the padding
     */
    public PayloadHeader(int payloadBytes, long seed) {
        if (payloadBytes < MIN_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("payload must be at least " + MIN_PAYLOAD_BYTES + " bytes, got " + payloadBytes);
        }
        SplittableRandom random = new SplittableRandom(seed);
        padding = new byte[payloadBytes];
        for (int i = 0; i < padding.length; i++) {
            padding[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
    }

    /** The payload size. */
    public int payloadBytes() {
        return padding.length;
    }

    /**
     * A payload of exactly {@link #payloadBytes()} bytes starting with the header.
     *
     * @throws IllegalStateException when the header does not fit (a topic name longer than the payload allows)
     */
    public byte[] encode(String topic, long seq, long scheduledNanos, long sendNanos) {
        String head = "pb1 " + topic + ' ' + seq + ' ' + scheduledNanos + ' ' + sendNanos + ' ';
        if (head.length() > padding.length) {
            throw new IllegalStateException("payload header '" + head + "' does not fit in " + padding.length + " bytes");
        }
        byte[] payload = padding.clone();
        for (int i = 0; i < head.length(); i++) {
            payload[i] = (byte) head.charAt(i);
        }
        return payload;
    }

    /** The seq in the header, or -1 when there is no valid header. Does not move the reader index. */
    public static long seq(ByteBuf payload) {
        PayloadHeaderReader reader = PayloadHeaderReader.forCurrentThread();
        reader.read(payload);
        return reader.seq();
    }

    /** The scheduled publish time in the header (ns since the run's origin), or -1 when there is no valid header. */
    public static long scheduledNanos(ByteBuf payload) {
        PayloadHeaderReader reader = PayloadHeaderReader.forCurrentThread();
        reader.read(payload);
        return reader.scheduledNanos();
    }

    /** The actual send time in the header (ns since the run's origin), or -1 when there is no valid header. */
    public static long sendNanos(ByteBuf payload) {
        PayloadHeaderReader reader = PayloadHeaderReader.forCurrentThread();
        reader.read(payload);
        return reader.sendNanos();
    }

    /** The topic in the header, or {@code null} when there is no valid header. */
    public static String topic(ByteBuf payload) {
        PayloadHeaderReader reader = PayloadHeaderReader.forCurrentThread();
        return reader.read(payload) ? reader.topic() : null;
    }
}
