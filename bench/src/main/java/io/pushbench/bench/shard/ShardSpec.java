package io.pushbench.bench.shard;

/**
 * Which part of a workload's clients one load-generator process runs: shard K of N runs clients K, K+N, K+2N, …
 *
 * @param index K, 0 ≤ K < N
 * @param count N, ≥ 1
 */
public record ShardSpec(int index, int count) {

    public ShardSpec {
        if (count < 1) {
            throw new IllegalArgumentException("--shard K/N: N must be at least 1, got " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("--shard " + index + "/" + count + ": the index K must be 0.." + (count - 1)
                    + " (shards are numbered from 0)");
        }
    }

    /** Parses {@code K/N}, e.g. {@code 2/3}. */
    public static ShardSpec parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("invalid --shard '" + text + "': expected K/N, e.g. 0/3");
        }
        try {
            return new ShardSpec(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid --shard '" + text + "': K and N must be whole numbers, e.g. 0/3");
        }
    }

    /** How many of {@code totalClients} (ids 0..total−1) this shard runs: the ids ≡ K (mod N). */
    public int clientsOf(int totalClients) {
        return totalClients <= index ? 0 : (totalClients - index + count - 1) / count;
    }

    /** The workload-wide id of this shard's {@code localId}-th client. */
    public int globalId(int localId) {
        return index + localId * count;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
