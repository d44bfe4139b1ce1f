package io.pushbench.server.log;

import java.time.Duration;

/**
 * How much of each topic the log keeps: at most {@code maxMessages} messages, none older than
 * {@code maxAge}.
 *
 * @param maxMessages messages kept per topic, at least 1
 * @param maxAge oldest message age kept; {@link Duration#ZERO} = no age limit
 */
public record Retention(int maxMessages, Duration maxAge) {

    public Retention {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("retention count must be at least 1, got " + maxMessages);
        }
        if (maxAge == null || maxAge.isNegative()) {
            throw new IllegalArgumentException("retention age must be 0 (no limit) or positive, got " + maxAge);
        }
    }
}
