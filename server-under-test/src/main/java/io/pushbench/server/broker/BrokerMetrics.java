package io.pushbench.server.broker;

import org.HdrHistogram.Histogram;

/**
 * What one instance's broker connection did since start (docs/brokers.md, "Counters").
 *
 * @param kind                    the broker kind's scheme ({@code memory}, {@code redis}, ...)
 * @param published               publishes on this instance the broker took
 * @param publishFailed           publishes on this instance the broker did not take (answered 503 or 413)
 * @param received                messages the broker delivered to this instance (0 for memory)
 * @param duplicates              of those, seqs this instance already had (dropped)
 * @param skippedSeqs             seqs that never came (gaps: readers get them as loss notices)
 * @param dropped                 delivered messages the log refused (topic cap, invalid name)
 * @param disconnects             times the delivering connection was lost
 * @param disconnectedNow         whether it is down now
 * @param disconnectedMicros      total time it was down, microseconds (including now)
 * @param lastGapStartEpochMicros start of the last outage that ended (0 = none)
 * @param lastGapEndEpochMicros   end of that outage (0 = none)
 * @param hopMicros               publish accepted (on any instance) to received here, microseconds; empty for memory
 */
public record BrokerMetrics(String kind, long published, long publishFailed, long received, long duplicates,
                            long skippedSeqs, long dropped, long disconnects, boolean disconnectedNow,
                            long disconnectedMicros, long lastGapStartEpochMicros, long lastGapEndEpochMicros,
                            Histogram hopMicros) {
}
