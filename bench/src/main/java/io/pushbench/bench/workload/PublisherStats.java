package io.pushbench.bench.workload;

import java.util.Map;

/**
 * What the publisher did.
 *
 * @param scheduled           messages whose scheduled time came (sent or overflowed)
 * @param published           messages the server accepted (any {@code 2xx} answer, or the broker took them)
 * @param publishedInWindow   messages scheduled in the measured window and sent (a failed one is also counted in
 *                            {@code failed}, one of unknown fate in {@code fateUnknownInWindow})
 * @param failed              publishes that failed (a non-2xx answer, or a request that could not be sent)
 * @param seqMismatches       accepted messages the server numbered differently from the schedule's expectation
 * @param overflowed          messages not sent because {@link PublishScheduler#MAX_OUTSTANDING} were waiting
 * @param outstanding         publishes sent and not yet answered
 * @param firstFailure        the first failure's description, or {@code null}
 * @param statusCounts        HTTP answers per status code (e.g. 201 → 812, 202 → 188), ascending; empty for brokers
 * @param reconnects          publish connections opened again after the server closed one
 * @param resent              requests sent again on a new connection (the old one closed before they were written)
 * @param fateUnknown         requests written and never answered (the connection closed): maybe processed, maybe not
 * @param fateUnknownInWindow those of them scheduled in the measured window
 * @param firstFateUnknown    the first unknown fate's description, or {@code null}
 */
public record PublisherStats(long scheduled, long published, long publishedInWindow, long failed, long seqMismatches,
                             long overflowed, long outstanding, String firstFailure, Map<Integer, Long> statusCounts,
                             long reconnects, long resent, long fateUnknown, long fateUnknownInWindow,
                             String firstFateUnknown) {

    public PublisherStats {
        statusCounts = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(statusCounts));
    }
}
