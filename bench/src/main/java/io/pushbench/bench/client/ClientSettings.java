package io.pushbench.bench.client;

import io.pushbench.bench.client.headers.ClientHeaders;

/**
 * How the clients of one group behave.
 *
 * @param pollIntervalMillis   short polling: time between the starts of successive requests of one client (fixed
 *                             schedule, not fixed delay); must be &gt; 0 (ignored by the other strategies)
 * @param wsDeflate            WebSocket: offer {@code permessage-deflate} (RFC 7692)
 * @param rampUpPerSec         new connections started per second across the group; 0 = all at once
 * @param startAfterSeq        the initial cursor {@code after}: 0 = from the oldest retained message
 * @param reconnectMinMillis   first backoff after an unexpected disconnect or failed connect; doubled per failed
 *                             attempt up to {@code reconnectMaxMillis}, reset by a successful connection
 * @param reconnectMaxMillis   the backoff bound
 * @param connectTimeoutMillis TCP connect timeout
 * @param headers              the headers sent beyond the protocol's own ({@code --client-headers})
 */
public record ClientSettings(long pollIntervalMillis, boolean wsDeflate, int rampUpPerSec, long startAfterSeq,
                             long reconnectMinMillis, long reconnectMaxMillis, int connectTimeoutMillis,
                             ClientHeaders headers) {

    /** 1 s poll interval, no deflate, 1,000 connections/s, from seq 0, backoff 100 ms .. 5 s, 10 s connect timeout. */
    public static final ClientSettings DEFAULTS = new ClientSettings(1000, false, 1000, 0, 100, 5000, 10_000);

    /** Settings with {@link ClientHeaders#MINIMAL} headers. */
    public ClientSettings(long pollIntervalMillis, boolean wsDeflate, int rampUpPerSec, long startAfterSeq,
                          long reconnectMinMillis, long reconnectMaxMillis, int connectTimeoutMillis) {
        this(pollIntervalMillis, wsDeflate, rampUpPerSec, startAfterSeq, reconnectMinMillis, reconnectMaxMillis,
                connectTimeoutMillis, ClientHeaders.MINIMAL);
    }

    public ClientSettings {
        java.util.Objects.requireNonNull(headers, "headers");
        if (pollIntervalMillis <= 0) {
            throw new IllegalArgumentException("pollIntervalMillis must be > 0, got " + pollIntervalMillis);
        }
        if (rampUpPerSec < 0) {
            throw new IllegalArgumentException("rampUpPerSec must be >= 0 (0 = all at once), got " + rampUpPerSec);
        }
        if (startAfterSeq < 0) {
            throw new IllegalArgumentException("startAfterSeq must be >= 0, got " + startAfterSeq);
        }
        if (reconnectMinMillis <= 0 || reconnectMaxMillis < reconnectMinMillis) {
            throw new IllegalArgumentException("need 0 < reconnectMinMillis <= reconnectMaxMillis, got "
                    + reconnectMinMillis + " and " + reconnectMaxMillis);
        }
        if (connectTimeoutMillis <= 0) {
            throw new IllegalArgumentException("connectTimeoutMillis must be > 0, got " + connectTimeoutMillis);
        }
    }

    public ClientSettings withPollIntervalMillis(long millis) {
        return new ClientSettings(millis, wsDeflate, rampUpPerSec, startAfterSeq, reconnectMinMillis, reconnectMaxMillis, connectTimeoutMillis, headers);
    }

    public ClientSettings withWsDeflate(boolean deflate) {
        return new ClientSettings(pollIntervalMillis, deflate, rampUpPerSec, startAfterSeq, reconnectMinMillis, reconnectMaxMillis, connectTimeoutMillis, headers);
    }

    public ClientSettings withRampUpPerSec(int perSec) {
        return new ClientSettings(pollIntervalMillis, wsDeflate, perSec, startAfterSeq, reconnectMinMillis, reconnectMaxMillis, connectTimeoutMillis, headers);
    }

    public ClientSettings withStartAfterSeq(long seq) {
        return new ClientSettings(pollIntervalMillis, wsDeflate, rampUpPerSec, seq, reconnectMinMillis, reconnectMaxMillis, connectTimeoutMillis, headers);
    }

    public ClientSettings withReconnectMillis(long min, long max) {
        return new ClientSettings(pollIntervalMillis, wsDeflate, rampUpPerSec, startAfterSeq, min, max, connectTimeoutMillis, headers);
    }

    public ClientSettings withHeaders(ClientHeaders clientHeaders) {
        return new ClientSettings(pollIntervalMillis, wsDeflate, rampUpPerSec, startAfterSeq, reconnectMinMillis, reconnectMaxMillis, connectTimeoutMillis, clientHeaders);
    }
}
