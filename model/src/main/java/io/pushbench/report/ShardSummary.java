package io.pushbench.report;

/**
 * One shard's own figures, kept in a merged report beside the merged ones.
 *
 * @param index                  the shard's index K of {@code --shard K/N}
 * @param publishes              whether this shard published the messages
 * @param folder                 the shard's run folder as given to {@code merge}
 * @param clients                the shard's clients
 * @param expectedDeliveries     deliveries the shard's clients were owed (messages scheduled in the window × clients)
 * @param delivered              deliveries its clients received
 * @param missing                deliveries owed and never received
 * @param p50Micros              delivery latency from the scheduled time, median, µs
 * @param p99Micros              delivery latency from the scheduled time, 99th percentile, µs
 * @param loaderStallP999Micros  the shard's event-loop stall probe, 99.9th percentile, µs
 * @param clockOffsetVsPublisherMicros the publisher's wall clock minus this shard's, µs, from both shards' offsets
 *                               against the server's clock; null when either was not estimated
 * @param clockUncertaintyMicros the ± bound of that offset: the sum of both estimates' bounds, µs; null likewise
 * @param counts                 the shard's whole-run client totals (and, for the publishing shard, the server's)
 * @param validity               the shard's own verdict (the exact count check is judged on the sums, not here)
 */
public record ShardSummary(int index, boolean publishes, String folder, int clients, long expectedDeliveries,
                           long delivered, long missing, long p50Micros, long p99Micros, long loaderStallP999Micros,
                           Double clockOffsetVsPublisherMicros, Double clockUncertaintyMicros, ExactCounts counts,
                           Validity validity) {
}
