package io.pushbench.report;

/**
 * HTTP requests the clients sent in the measured window (polling: one per poll; SSE and WebSocket: the
 * opening request of each connection made in the window).
 *
 * @param requests            requests sent
 * @param emptyResponses      responses that delivered no message ({@code 204}: empty short poll, long-poll hold timeout)
 * @param emptyResponseShare  {@code emptyResponses / requests}, 0..1, or {@code null} when no request was sent
 * @param requestsPerDelivery {@code requests} / deliveries received in the window (see docs/result-schema.md, PerDelivery), or {@code null}
 * @param requestsPerSec      {@code requests} / measured window, per second
 * @param serverRequests      the same count from the server's own metrics, or {@code null} when not available
 */
public record RequestFigures(
        long requests,
        long emptyResponses,
        Double emptyResponseShare,
        Double requestsPerDelivery,
        double requestsPerSec,
        Long serverRequests) {
}
