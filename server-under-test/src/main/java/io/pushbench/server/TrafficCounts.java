package io.pushbench.server;

/**
 * The counters of one traffic bucket (a strategy, or control) at one moment.
 *
 * @param requests HTTP requests routed to the bucket (an SSE subscription and a WebSocket upgrade are one
 *     request each)
 * @param emptyResponses answers that carried no message ({@code 204} of a poll or a long poll)
 * @param messagesDelivered messages written completely to a socket
 * @param deliveryWrites the completed writes that carried them: a batch of WebSocket frames or SSE events, or a
 *     poll's answer, is one write; {@code messagesDelivered / deliveryWrites} above 1 means the server sent
 *     several messages per system call because connections were behind (it then also costs less per message)
 * @param bytesRead bytes read from sockets, counted at the socket
 * @param bytesWritten bytes written to sockets, counted at the socket when the write completed
 * @param openConnections connections open in this bucket now
 */
public record TrafficCounts(long requests, long emptyResponses, long messagesDelivered, long deliveryWrites,
        long bytesRead, long bytesWritten, long openConnections) {
}
