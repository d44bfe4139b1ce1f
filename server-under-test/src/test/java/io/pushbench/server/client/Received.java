package io.pushbench.server.client;

import java.nio.charset.StandardCharsets;

/** What a test client got: a message (seq and payload), or a loss signal (seq = last lost seq, lostCount &gt; 0). */
public record Received(long seq, byte[] payload, long lostCount) {

    static Received message(long seq, byte[] payload) {
        return new Received(seq, payload, 0);
    }

    static Received lost(long lostCount, long lastLostSeq) {
        return new Received(lastLostSeq, new byte[0], lostCount);
    }

    public boolean isLoss() {
        return lostCount > 0;
    }

    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
