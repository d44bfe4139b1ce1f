package io.pushbench.bench.cli;

import io.pushbench.bench.run.RunProgress;
import io.pushbench.report.StrategyResult;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The live progress line, once a second: on a terminal one line rewritten in place, otherwise one line per second.
 * After each strategy run, a one-line verdict.
 */
final class ProgressLine implements RunProgress, AutoCloseable {

    private final PrintWriter out;
    private final boolean terminal;
    private int lastLength;

    ProgressLine(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void second(Sample s) {
        String line = String.format(Locale.ROOT, "[%-16s %-10s %4ds] connected %d/%d  deliveries/s %,d  p99 %s  errors %d",
                s.runLabel(), s.phase(), s.elapsedSec(), s.connectedClients(), s.clients(), s.deliveriesPerSec(),
                s.p99MicrosSoFar() == 0 ? "-" : SummaryTable.millis(s.p99MicrosSoFar()), s.errors());
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public synchronized void finished(StrategyResult r) {
        endLine();
        out.println(String.format(Locale.ROOT, "%s done: %,d delivered, p99 %s, %s", r.strategy().label()
                        + (r.sweepValue() == null ? "" : " " + r.sweepParameter() + "=" + r.sweepValue()),
                r.delivery().delivered(), SummaryTable.millis(r.latency().fromScheduled().p99Micros()),
                r.validity().valid() ? "valid" : r.validity().verdict().label().toUpperCase(Locale.ROOT) + ": "
                        + String.join("; ", r.validity().reasons())));
        out.flush();
    }

    private void endLine() {
        if (terminal && lastLength > 0) {
            out.println();
            lastLength = 0;
        }
    }

    @Override
    public synchronized void close() {
        endLine();
        out.flush();
    }
}
