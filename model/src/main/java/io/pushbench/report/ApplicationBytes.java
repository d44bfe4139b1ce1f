package io.pushbench.report;

/**
 * Every byte the client sockets wrote (up) and read (down) in the measured window, above TCP: request
 * lines, headers, chunk framing, SSE and WebSocket framing, handshakes, pings, empty polls.
 *
 * @param up                   client → server bytes by category
 * @param down                 server → client bytes by category
 * @param upBytesPerDelivery   {@code up.totalBytes} / deliveries received in the window, or {@code null}
 * @param downBytesPerDelivery {@code down.totalBytes} / deliveries received in the window, or {@code null}
 * @param upBytesPerClientSec  {@code up.totalBytes / (clients × window seconds)}
 * @param downBytesPerClientSec {@code down.totalBytes / (clients × window seconds)}
 * @param serverReadBytes      bytes the server's sockets read for this strategy, from its own metrics, or {@code null}
 * @param serverWrittenBytes   bytes the server's sockets wrote for this strategy, from its own metrics, or {@code null}
 */
public record ApplicationBytes(
        CategoryBytes up,
        CategoryBytes down,
        Double upBytesPerDelivery,
        Double downBytesPerDelivery,
        double upBytesPerClientSec,
        double downBytesPerClientSec,
        Long serverReadBytes,
        Long serverWrittenBytes) {
}
