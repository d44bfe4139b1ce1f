package io.pushbench.bench.run;

import io.pushbench.bench.workload.PublisherStats;
import io.pushbench.report.DeliveryFigures;
import io.pushbench.report.RecordedHistogram;
import io.pushbench.report.Validity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether one strategy run can be trusted: a run with any loss, duplicate or reordering, with a publisher
 * that fell behind its schedule, with a load generator that stalled, or with clients that never connected, is
 * invalid, and each reason is one sentence in the report.
 *
 * @param maxPublisherLagMicros bound on the publisher lag's 99.9th percentile, µs
 * @param maxLoaderStallMicros  bound on the loader stall probe's 99.9th percentile, µs
 */
public record ValidityCheck(long maxPublisherLagMicros, long maxLoaderStallMicros) {

    /** Everything the check looks at. */
    public record Inputs(int clients, int connectedAtWindowStart, DeliveryFigures delivery, PublisherStats publisher,
                         RecordedHistogram publisherLag, RecordedHistogram loaderStall, String firstClientError,
                         String limitError) {
    }

    public Validity check(Inputs in) {
        List<String> reasons = new ArrayList<>();
        DeliveryFigures d = in.delivery();
        if (in.limitError() != null) {
            reasons.add("a resource limit was hit: " + in.limitError());
        }
        if (in.connectedAtWindowStart() < in.clients()) {
            reasons.add(in.connectedAtWindowStart() + " of " + in.clients() + " clients were connected when the window started");
        }
        if (d.published() == 0) {
            reasons.add("no message was published in the measured window");
        }
        if (d.missing() > 0) {
            reasons.add(d.missing() + " deliveries missing (expected " + d.expectedDeliveries() + ", delivered "
                    + d.delivered() + ")");
        }
        if (d.duplicates() > 0) {
            reasons.add(d.duplicates() + " duplicate deliveries");
        }
        if (d.outOfOrder() > 0) {
            reasons.add(d.outOfOrder() + " deliveries out of order");
        }
        if (d.lostByRetention() > 0) {
            reasons.add(d.lostByRetention() + " messages dropped by the server's retention");
        }
        if (d.errors() > 0) {
            reasons.add(d.errors() + " client errors" + (in.firstClientError() == null ? "" : " (first: " + in.firstClientError() + ")"));
        }
        PublisherStats p = in.publisher();
        if (p.failed() > 0 || p.overflowed() > 0 || p.seqMismatches() > 0) {
            reasons.add("publisher: " + p.failed() + " failed, " + p.overflowed() + " not sent (backlog full), "
                    + p.seqMismatches() + " numbered unexpectedly" + (p.firstFailure() == null ? "" : " (first: " + p.firstFailure() + ")"));
        }
        if (p.outstanding() > 0) {
            reasons.add("publisher: " + p.outstanding() + " publishes still unanswered 30 s after the window (server overloaded?)");
        }
        if (in.publisherLag().p999Micros() > maxPublisherLagMicros) {
            reasons.add("publisher fell behind its schedule: lag p99.9 " + millis(in.publisherLag().p999Micros())
                    + " > bound " + millis(maxPublisherLagMicros));
        }
        if (in.loaderStall().p999Micros() > maxLoaderStallMicros) {
            reasons.add("load generator stalled: event-loop stall p99.9 " + millis(in.loaderStall().p999Micros())
                    + " > bound " + millis(maxLoaderStallMicros) + " (the loader may have been the bottleneck)");
        }
        return Validity.of(reasons);
    }

    private static String millis(long micros) {
        return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }
}
