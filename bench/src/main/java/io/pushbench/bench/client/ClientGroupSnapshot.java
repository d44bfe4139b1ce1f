package io.pushbench.bench.client;

import io.pushbench.bench.client.bytes.ByteTally;
import io.pushbench.model.Strategy;

/**
 * Counts of one {@link ClientGroup} at one moment, summed over its clients, taken consistently on each event loop.
 * Counts are cumulative since the group started; {@link #minus} gives a window (e.g. measured = end - warm-up end).
 *
 * @param strategy         the group's strategy
 * @param clients          clients in the group
 * @param connectedClients clients with a ready connection at that moment
 * @param connects         connections that became ready (the first one of each client and every reconnect)
 * @param reconnects       connection attempts after the first one of a client (after disconnects or failed connects)
 * @param requests         HTTP requests sent (polling requests, SSE stream requests, WebSocket upgrade requests)
 * @param emptyResponses   responses that delivered no message ({@code 204}, {@code 304}, an empty body)
 * @param delivered        messages delivered for the first time (passed to {@link DeliveryListener#onMessage})
 * @param missing          seqs skipped over and not received (see {@code DeliveryCheck}); with a head function, also
 *                         the seqs between each client's cursor and its topic's head
 * @param duplicates       messages received again (not passed to the listener)
 * @param outOfOrder       messages that arrived after a higher seq
 * @param lost             messages the server reported as dropped by retention
 * @param errors           errors reported to {@link DeliveryListener#onError}
 * @param bytes            application bytes by direction and category (mutable holder: do not change)
 * @param limitError       the first resource-limit error (open files, ephemeral ports, memory), or null
 */
public record ClientGroupSnapshot(Strategy strategy, int clients, int connectedClients, long connects, long reconnects,
                                  long requests, long emptyResponses, long delivered, long missing, long duplicates,
                                  long outOfOrder, long lost, long errors, ByteTally bytes, String limitError) {

    /** This snapshot minus an earlier one of the same group: what happened in between (gauges and limitError kept). */
    public ClientGroupSnapshot minus(ClientGroupSnapshot earlier) {
        return new ClientGroupSnapshot(strategy, clients, connectedClients, connects - earlier.connects,
                reconnects - earlier.reconnects, requests - earlier.requests, emptyResponses - earlier.emptyResponses,
                delivered - earlier.delivered, missing - earlier.missing, duplicates - earlier.duplicates,
                outOfOrder - earlier.outOfOrder, lost - earlier.lost, errors - earlier.errors,
                bytes.minus(earlier.bytes), limitError);
    }
}
