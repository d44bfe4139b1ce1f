package io.pushbench.bench.client.delivery;

/**
 * Checks the sequence numbers one client receives on one topic: counts missing, duplicate and out-of-order messages.
 * Confined to the client's event loop.
 *
 * <p>The cursor ({@link #lastSeq()}) is the highest seq the client has; it is what the client resumes from. A seq
 * above cursor + 1 opens a gap (its seqs count as missing until they arrive late, then as out-of-order); a seq at or
 * below the cursor that is not in a gap is a duplicate. The gaps remembered are bounded ({@value #MAX_GAPS}); a late
 * arrival in a forgotten gap counts as a duplicate (and its seq stays missing), so counts never hide a fault.
 * Lost messages reported by the server move the cursor without counting as missing.
 *
 * <p>Typical use: {@code if (check.accept(seq) != Verdict.DUPLICATE) listener.onMessage(...)}.
 */
public final class DeliveryCheck {
    /** How many gaps are remembered for out-of-order detection. */
    public static final int MAX_GAPS = 16;

    /** What one received seq was. */
    public enum Verdict { IN_ORDER, OUT_OF_ORDER, DUPLICATE, UNCHECKED }

    // allocated at the first gap: most clients never see one
    private long[] gapFirst;
    private long[] gapLast;
    private int gaps;
    private long lastSeq;
    private long delivered;
    private long missing;
    private long duplicates;
    private long outOfOrder;
    private long lost;

    /** @param startAfterSeq the initial cursor, &gt;= 0 (0 = expect seq 1 first) */
    public DeliveryCheck(long startAfterSeq) {
        this.lastSeq = startAfterSeq;
    }

    /**
     * Checks one received seq.
     *
     * @param seq the message's seq, or -1 when unknown (counted as delivered, not checked)
     */
    public Verdict accept(long seq) {
        if (seq < 0) {
            delivered++;
            return Verdict.UNCHECKED;
        }
        if (seq > lastSeq) {
            if (seq > lastSeq + 1) {
                missing += seq - lastSeq - 1;
                rememberGap(lastSeq + 1, seq - 1);
            }
            lastSeq = seq;
            delivered++;
            return Verdict.IN_ORDER;
        }
        if (fillGap(seq)) {
            missing--;
            outOfOrder++;
            delivered++;
            return Verdict.OUT_OF_ORDER;
        }
        duplicates++;
        return Verdict.DUPLICATE;
    }

    /** The server reported {@code count} messages dropped by retention: the cursor moves past them. */
    public void lost(long count) {
        lost += count;
        lastSeq += count;
    }

    private void rememberGap(long first, long last) {
        if (gapFirst == null) {
            gapFirst = new long[MAX_GAPS];
            gapLast = new long[MAX_GAPS];
        }
        if (gaps == MAX_GAPS) {
            System.arraycopy(gapFirst, 1, gapFirst, 0, MAX_GAPS - 1);
            System.arraycopy(gapLast, 1, gapLast, 0, MAX_GAPS - 1);
            gaps--;
        }
        gapFirst[gaps] = first;
        gapLast[gaps] = last;
        gaps++;
    }

    private boolean fillGap(long seq) {
        for (int i = 0; i < gaps; i++) {
            if (seq < gapFirst[i] || seq > gapLast[i]) {
                continue;
            }
            if (gapFirst[i] == gapLast[i]) {
                removeGap(i);
            } else if (seq == gapFirst[i]) {
                gapFirst[i]++;
            } else if (seq == gapLast[i]) {
                gapLast[i]--;
            } else {
                long last = gapLast[i];
                gapLast[i] = seq - 1;
                rememberGap(seq + 1, last);
            }
            return true;
        }
        return false;
    }

    private void removeGap(int i) {
        System.arraycopy(gapFirst, i + 1, gapFirst, i, gaps - i - 1);
        System.arraycopy(gapLast, i + 1, gapLast, i, gaps - i - 1);
        gaps--;
    }

    /**
     * Whether this seq has not arrived: above the cursor, or in a remembered gap. A seq in a forgotten gap (more than
     * {@value #MAX_GAPS} gaps since) reads as arrived, so a caller that excuses missing seqs never excuses too many.
     */
    public boolean isMissing(long seq) {
        if (seq > lastSeq) {
            return true;
        }
        for (int i = 0; i < gaps; i++) {
            if (seq >= gapFirst[i] && seq <= gapLast[i]) {
                return true;
            }
        }
        return false;
    }

    /** The highest seq received (or skipped as lost): where the client resumes. */
    public long lastSeq() {
        return lastSeq;
    }

    /** Messages accepted for the first time (in order, out of order or unchecked). */
    public long delivered() {
        return delivered;
    }

    /** Seqs skipped over and not (yet) received late. Messages never sent after the cursor are not counted here. */
    public long missing() {
        return missing;
    }

    public long duplicates() {
        return duplicates;
    }

    public long outOfOrder() {
        return outOfOrder;
    }

    /** Messages the server reported as dropped by retention. */
    public long lost() {
        return lost;
    }
}
