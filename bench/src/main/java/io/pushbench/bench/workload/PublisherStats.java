package io.pushbench.bench.workload;

/**
 * What the publisher did.
 *
 * @param scheduled         messages whose scheduled time came (sent or overflowed)
 * @param published         messages the server accepted ({@code 200})
 * @param publishedInWindow messages scheduled in the measured window and sent (a failed one is also counted in {@code failed})
 * @param failed            publishes that failed (non-200 answer or a closed connection)
 * @param seqMismatches     accepted messages the server numbered differently from the schedule's expectation
 * @param overflowed        messages not sent because {@link Publisher#MAX_OUTSTANDING} were waiting
 * @param outstanding       publishes sent and not yet answered
 * @param firstFailure      the first failure's description, or {@code null}
 */
public record PublisherStats(long scheduled, long published, long publishedInWindow, long failed, long seqMismatches,
                             long overflowed, long outstanding, String firstFailure) {
}
