package io.pushbench.report;

import java.util.List;

/**
 * How a report relates to a sharded run ({@code pushbench run --shard K/N}, {@code pushbench merge}); {@code null}
 * in the report of an ordinary run.
 *
 * @param role        {@code shard} (one shard's own report) or {@code merged} (the report {@code merge} wrote)
 * @param shardCount  N, the number of shards
 * @param startAtUtc  the agreed instant the shards' schedules started from (ISO-8601 UTC)
 * @param shardIndex  K for a shard's report; null in a merged one
 * @param publishes   whether this shard published; null in a merged report
 * @param counts      the exact-count totals: the shard's own, or the sums over all shards with the server's
 * @param shards      in a merged report, every shard's own figures in index order; empty in a shard's report
 * @param memory      memory per connection of a {@code --loaders} run; null otherwise
 */
public record Sharding(String role, int shardCount, String startAtUtc, Integer shardIndex, Boolean publishes,
                       ExactCounts counts, List<ShardSummary> shards, ScaleMemory memory) {

    /** {@link #role} of one shard's own report. */
    public static final String SHARD = "shard";
    /** {@link #role} of a merged report. */
    public static final String MERGED = "merged";

    public Sharding {
        shards = shards == null ? List.of() : List.copyOf(shards);
    }

    /** The same with memory figures. */
    public Sharding withMemory(ScaleMemory m) {
        return new Sharding(role, shardCount, startAtUtc, shardIndex, publishes, counts, shards, m);
    }
}
