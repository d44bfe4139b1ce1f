package io.pushbench.report;

import java.util.Map;

/**
 * What the publisher saw of the server (or broker) it published to, over the whole run (warm-up, window and drain).
 *
 * @param kind                    the publisher's kind: {@code http}, {@code redis} or {@code postgresql}
 * @param statusCounts            HTTP answers per status code (e.g. {@code 201 → 812, 202 → 188}), ascending; any 2xx
 *                                is a success; empty for a broker
 * @param accepted                publishes the server or broker accepted
 * @param failed                  publishes refused (a non-2xx answer) or that could not be sent
 * @param reconnects              publish connections opened again after the server closed one ({@code Connection:
 *                                close}, a keep-alive request limit, an idle timeout)
 * @param resent                  requests sent again on a new connection because the server closed the old one before
 *                                they were written (nothing of them can have been processed)
 * @param fateUnknown             requests written and never answered (the server closed the connection): maybe
 *                                processed, maybe not; not sent again, and not counted as the server's loss
 * @param fateUnknownUndelivered  deliveries of those publishes that never arrived: not counted as missing
 */
public record PublishFigures(
        String kind,
        Map<Integer, Long> statusCounts,
        long accepted,
        long failed,
        long reconnects,
        long resent,
        long fateUnknown,
        long fateUnknownUndelivered) {

    public PublishFigures {
        statusCounts = statusCounts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(statusCounts));
    }
}
