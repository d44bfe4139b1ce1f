package io.pushbench.bench.claims;

import io.pushbench.bench.run.RunProgress;
import io.pushbench.report.StrategyResult;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The claims run's progress: on a terminal a live line (plan, strategy run, phase, seconds), and one line per
 * finished strategy run either way, so a log stays short.
 */
final class ClaimsProgress implements RunProgress {

    private final PrintWriter out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private String plan = "";
    private int lastLength;

    ClaimsProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    synchronized void plan(int index, int count, RunPlan p) {
        plan = String.format(Locale.ROOT, "run %d/%d %s", index, count, p.id());
        line(String.format(Locale.ROOT, "[%4.0fs] %s: %s, %s%s", elapsedSec(), plan,
                String.join(",", p.strategies().stream().map(s -> s.label()).toList()), p.conditions(),
                p.sweep() == null ? "" : ", " + p.sweep()), true);
    }

    synchronized void message(String text) {
        line(String.format(Locale.ROOT, "[%4.0fs] %s", elapsedSec(), text), true);
    }

    @Override
    public synchronized void second(Sample s) {
        if (terminal) {
            line(String.format(Locale.ROOT, "[%4.0fs] %s: %s %s %ds, connected %d/%d, deliveries/s %,d", elapsedSec(), plan,
                    s.runLabel(), s.phase(), s.elapsedSec(), s.connectedClients(), s.clients(), s.deliveriesPerSec()), false);
        }
    }

    @Override
    public synchronized void finished(StrategyResult r) {
        line(String.format(Locale.ROOT, "[%4.0fs] %s: %s%s done, %,d delivered, p50 %.1f ms, %s", elapsedSec(), plan,
                r.strategy().label(), r.sweepValue() == null ? "" : " " + r.sweepParameter() + "=" + r.sweepValue(),
                r.delivery().delivered(), r.latency().fromScheduled().p50Micros() / 1000.0, r.validity().verdict().label()), true);
    }

    double elapsedSec() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    void close() {
        if (terminal && lastLength > 0) {
            out.println();
            out.flush();
        }
    }

    private void line(String text, boolean keep) {
        if (terminal) {
            out.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
            lastLength = keep ? 0 : text.length();
            if (keep) {
                out.println();
            }
        } else if (keep) {
            out.println(text);
        }
        out.flush();
    }
}
