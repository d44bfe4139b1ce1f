package io.pushbench.bench.jmh;

import java.util.SplittableRandom;

/**
 * The messages a benchmark sends: distinct printable-ASCII payloads of one size, handed out in turn,
 * with sequence numbers of constant width.
 *
 * <p>Why distinct payloads: one payload sent over and over lets permessage-deflate's sliding window
 * (context takeover) and the CPU caches see the same bytes every time, which flatters both; the pool
 * spans twice deflate's largest window. Printable ASCII because SSE carries text (docs/wire-format.md);
 * random letters are close to deflate's worst case, real JSON compresses better. Why constant-width
 * seqs (1,000,000 to 9,999,999, wrapping): so an encoded message does not grow by a digit as more
 * operations run, and bytes/op is exact. The same seed gives the same messages, so runs compare.
 *
 * <p>Confined to one thread (JMH {@code Scope.Thread} states). Typical use:
 * <pre>{@code
 * MessageSource messages = new MessageSource(payloadBytes);
 * messages.advance();
 * encode(messages.seq(), messages.payload());
 * }</pre>
 */
public final class MessageSource {
    /** The fewest distinct payloads a source holds. */
    public static final int MIN_DISTINCT_PAYLOADS = 64;
    /** Bytes the payloads span at least: twice deflate's largest window (32 KiB). */
    public static final int MIN_SPAN_BYTES = 2 * 32 * 1024;
    /** The first seq handed out; every seq has 7 decimal digits. */
    public static final long FIRST_SEQ = 1_000_000L;
    private static final long SEQ_SPAN = 9_000_000L;
    private static final long SEED = 0x5EED_B17EL;
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:;-_{}[]\"=".toCharArray();

    private final byte[][] payloads;
    private long count;
    private int index = -1;

    /** @param payloadBytes size of every payload in bytes, &ge; 0 */
    public MessageSource(int payloadBytes) {
        if (payloadBytes < 0) {
            throw new IllegalArgumentException("payloadBytes must be >= 0, was " + payloadBytes);
        }
        int distinct = Math.max(MIN_DISTINCT_PAYLOADS,
                payloadBytes == 0 ? 0 : (MIN_SPAN_BYTES + payloadBytes - 1) / payloadBytes);
        SplittableRandom random = new SplittableRandom(SEED);
        payloads = new byte[distinct][payloadBytes];
        for (byte[] p : payloads) {
            for (int i = 0; i < p.length; i++) {
                p[i] = (byte) ALPHABET[random.nextInt(ALPHABET.length)];
            }
        }
    }

    /** How many distinct payloads this source hands out before it comes round again. */
    public int distinctPayloads() {
        return payloads.length;
    }

    /** Moves to the next message; call before the first {@link #seq()} / {@link #payload()}. */
    public void advance() {
        count++;
        index = (index + 1) % payloads.length;
    }

    /** The current message's seq, 1,000,000 to 9,999,999. */
    public long seq() {
        return FIRST_SEQ + (count - 1) % SEQ_SPAN;
    }

    /** The current message's payload; callers must not modify it. */
    public byte[] payload() {
        return payloads[index];
    }
}
