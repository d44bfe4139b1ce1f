package io.pushbench.bench.run.brokers;

import io.pushbench.report.BrokerFigures;
import io.pushbench.report.RunReport;
import io.pushbench.report.StrategyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines printed under the summary table for a run through a broker: the hop, the instances, the faults. */
public final class BrokerSummary {

    private BrokerSummary() {
    }

    /** One line per strategy result with a broker, and one per fault; empty without a broker. */
    public static List<String> lines(RunReport report) {
        List<String> lines = new ArrayList<>();
        for (StrategyResult r : report.results()) {
            BrokerFigures b = r.broker();
            if (b == null) {
                continue;
            }
            long delivered = r.delivery().delivered();
            StringBuilder line = new StringBuilder(r.strategy().label()).append(" via ").append(b.kind()).append(" x")
                    .append(b.instances()).append(" (publish to ").append(b.publishTo()).append("): hop p50 ")
                    .append(millis(b.hopP50Micros())).append(" p99 ").append(millis(b.hopP99Micros()))
                    .append(", broker CPU ");
            line.append(b.brokerCpuNanos() < 0 || delivered == 0 ? "-" : String.format(Locale.ROOT, "%.1f us/delivery",
                    b.brokerCpuNanos() / 1000.0 / delivered));
            line.append("; instances delivered ").append(b.instancesDelivered());
            line.append(b.perInstance().stream().map(i -> Long.toString(i.messagesDelivered()))
                    .reduce((a, c) -> a + " + " + c).map(s -> " (" + s + ")").orElse(""));
            boolean killed = b.perInstance().stream().anyMatch(i -> !i.alive());
            line.append(b.instancesDelivered() == b.clientsDelivered() ? " = " : " != ").append("clients ")
                    .append(b.clientsDelivered()).append(killed ? " (a killed instance counts up to its last reading)" : "");
            lines.add(line.toString());
            for (BrokerFigures.InstanceFigures i : b.perInstance()) {
                if (i.disconnects() > 0 || i.skippedSeqs() > 0 || !i.alive()) {
                    lines.add("  instance " + i.index() + (i.alive() ? "" : " (killed)") + ": broker connection lost "
                            + i.disconnects() + "x for " + millis(i.disconnectedMicros()) + " in all, " + i.skippedSeqs()
                            + " seqs never delivered to it");
                }
            }
            for (BrokerFigures.FaultFigures f : b.faults()) {
                lines.add("  fault " + f.spec() + " at " + millis(f.atMicros()) + ": no delivery for "
                        + (f.deliveryStoppedMicros() / 1_000_000) + " whole s; missed " + f.missed() + " (at most "
                        + f.maxMissedPerClient() + " per client), doubled " + f.duplicated() + " (at most "
                        + f.maxDuplicatedPerClient() + "); broker skipped " + f.brokerSkippedSeqs() + " seqs; "
                        + (f.explained() ? "explained: " : "NOT explained: ") + f.explanation());
            }
        }
        return lines;
    }

    private static String millis(long micros) {
        return micros < 0 ? "-" : String.format(Locale.ROOT, "%.2fms", micros / 1000.0);
    }
}
