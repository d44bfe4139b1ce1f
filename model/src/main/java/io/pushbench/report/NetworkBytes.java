package io.pushbench.report;

/**
 * Bytes on the network, including TCP/IP headers and pure ACKs, read from the kernel (never modelled).
 *
 * <p>With the {@code tcp_info} method the kernel's per-socket counters of the clients' sockets give the
 * TCP payload bytes sent and received and the segments sent and received (ACKs included); the TCP/IP
 * header part is then {@code segments × headerBytesPerSegment}, a derived figure, and the report says so.
 *
 * @param available             whether network bytes were measured
 * @param method                how, e.g. {@code "tcp_info"}; {@code "unavailable"} when not measured
 * @param unavailableReason     why not, when {@code available} is false; otherwise {@code null}
 * @param note                  how the figures were derived (e.g. the header size assumed per segment), or {@code null}
 * @param sockets               client sockets whose counters were read
 * @param upTcpPayloadBytes     TCP payload bytes the clients sent (kernel count, retransmissions included)
 * @param downTcpPayloadBytes   TCP payload bytes the clients received (kernel count)
 * @param upSegments            segments the clients sent (kernel count, pure ACKs included)
 * @param downSegments          segments the clients received (kernel count, pure ACKs included)
 * @param headerBytesPerSegment IP + TCP header bytes counted per segment (e.g. 52: IPv4 20 + TCP 20 + timestamps 12)
 * @param upBytes               {@code upTcpPayloadBytes + upSegments × headerBytesPerSegment}
 * @param downBytes             {@code downTcpPayloadBytes + downSegments × headerBytesPerSegment}
 * @param bytesPerDelivery      {@code (upBytes + downBytes)} / deliveries received in the window, or {@code null}
 * @param upBytesPerDelivery    {@code upBytes} / deliveries received in the window, or {@code null}
 * @param downBytesPerDelivery  {@code downBytes} / deliveries received in the window, or {@code null}
 * @param bytesPerClientSec     {@code (upBytes + downBytes) / (clients × window seconds)}, or {@code null}
 */
public record NetworkBytes(
        boolean available,
        String method,
        String unavailableReason,
        String note,
        Long sockets,
        Long upTcpPayloadBytes,
        Long downTcpPayloadBytes,
        Long upSegments,
        Long downSegments,
        Integer headerBytesPerSegment,
        Long upBytes,
        Long downBytes,
        Double bytesPerDelivery,
        Double upBytesPerDelivery,
        Double downBytesPerDelivery,
        Double bytesPerClientSec) {

    /** Network bytes that could not be measured, with the reason stated. */
    public static NetworkBytes unavailable(String reason) {
        return new NetworkBytes(false, "unavailable", reason, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
