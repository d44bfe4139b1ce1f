package io.pushbench.report;

/**
 * What was published and what arrived in the measured window, and the proof that nothing was lost.
 *
 * <p>A message belongs to the window when its scheduled publish time falls in it; it counts as delivered
 * once per subscribed client that received it (before the drain deadline after the window).
 *
 * @param published          messages published (all topics) with a scheduled time in the window
 * @param expectedDeliveries deliveries owed: per published message, the clients subscribed to its topic
 * @param delivered          deliveries received (each message × client once)
 * @param deliveriesPerSec   deliveries received during the measured window (of any message) / window, per second: the
 *                           throughput (equals {@code delivered} / window when the system keeps up)
 * @param missing            deliveries owed but never received (gaps in a client's seq)
 * @param duplicates         a seq received again by the same client
 * @param outOfOrder         a seq received after a higher one by the same client
 * @param lostByRetention    messages the server reported as dropped by retention (explicit loss notices)
 * @param connectedClients   clients connected at the end of the window
 * @param reconnects         reconnections after a connection dropped (0 in a healthy run)
 * @param errors             client errors (failed connects, bad responses, protocol errors)
 */
public record DeliveryFigures(
        long published,
        long expectedDeliveries,
        long delivered,
        double deliveriesPerSec,
        long missing,
        long duplicates,
        long outOfOrder,
        long lostByRetention,
        int connectedClients,
        long reconnects,
        long errors) {
}
