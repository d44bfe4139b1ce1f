package io.pushbench.report;

/**
 * The whole strategy run's byte and request totals of the clients beside the server's own, for the exact cross-check
 * (client bytes written = server bytes read, client bytes read = server bytes written, requests = requests).
 *
 * <p>In a shard's report the client figures are that shard's; the server figures are the server's totals (every
 * shard's traffic) as read by the shard that publishes once the server had no connection of the strategy left open,
 * and {@code null} in the other shards' reports. In a merged report the client figures are the sums over the shards.
 *
 * @param clientUpBytes      bytes the clients' sockets wrote
 * @param clientDownBytes    bytes the clients' sockets read
 * @param clientRequests     requests the clients sent
 * @param serverReadBytes    bytes the server's sockets read for the strategy; null when not read
 * @param serverWrittenBytes bytes the server's sockets wrote for the strategy; null when not read
 * @param serverRequests     requests the server counted for the strategy; null when not read
 */
public record ExactCounts(long clientUpBytes, long clientDownBytes, long clientRequests, Long serverReadBytes,
                          Long serverWrittenBytes, Long serverRequests) {

    /** Whether the server's totals are present. */
    public boolean hasServer() {
        return serverReadBytes != null && serverWrittenBytes != null && serverRequests != null;
    }

    /** These client totals plus another's; the server figures are not added (one server, read once). */
    public ExactCounts plusClients(ExactCounts other) {
        return new ExactCounts(clientUpBytes + other.clientUpBytes, clientDownBytes + other.clientDownBytes,
                clientRequests + other.clientRequests, serverReadBytes, serverWrittenBytes, serverRequests);
    }

    /** The same client totals with the server's. */
    public ExactCounts withServer(Long readBytes, Long writtenBytes, Long requests) {
        return new ExactCounts(clientUpBytes, clientDownBytes, clientRequests, readBytes, writtenBytes, requests);
    }

    /** Why the client and server totals disagree; empty when they agree exactly or the server's are missing. */
    public java.util.List<String> disagreements() {
        java.util.List<String> reasons = new java.util.ArrayList<>();
        if (!hasServer()) {
            return reasons;
        }
        if (clientUpBytes != serverReadBytes) {
            reasons.add("clients wrote " + clientUpBytes + " bytes but the server read " + serverReadBytes);
        }
        if (clientDownBytes != serverWrittenBytes) {
            reasons.add("the server wrote " + serverWrittenBytes + " bytes but the clients read " + clientDownBytes);
        }
        if (clientRequests != serverRequests) {
            reasons.add("clients sent " + clientRequests + " requests but the server counted " + serverRequests);
        }
        return reasons;
    }
}
