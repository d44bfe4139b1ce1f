package io.pushbench.bench.cli;

import io.pushbench.report.ClockInfo;
import io.pushbench.report.RunReport;
import io.pushbench.report.StrategyResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The headline table: one row per strategy (per sweep point and repeat), the cost of each delivered message.
 * Latencies are from the scheduled publish time (coordinated-omission safe).
 */
final class SummaryTable {

    private static final String[] HEADER = {"strategy", "delivered", "req/msg", "empty%", "app B/msg up", "app B/msg down",
            "net B/msg", "p50", "p99", "p99.9", "max", "srv CPU us/msg", "cli CPU us/msg", "mem/conn", "valid"};

    private SummaryTable() {
    }

    static String render(RunReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (StrategyResult r : report.results()) {
            rows.add(row(r, report.configuration().repeats()));
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                String cell = row[i];
                sb.append(i == 0 ? String.format("%-" + widths[i] + "s", cell) : String.format("%" + widths[i] + "s", cell));
                sb.append(i == row.length - 1 ? "" : "  ");
            }
            sb.append('\n');
            if (r == 0) {
                int total = 0;
                for (int w : widths) {
                    total += w + 2;
                }
                sb.append("-".repeat(total - 2)).append('\n');
            }
        }
        sb.append("latency from scheduled publish time; bytes per delivered message; CPU per delivered message\n");
        for (StrategyResult r : report.results()) {
            if (!r.memory().available() && r.memory().idleConnections() != null) {
                sb.append(r.strategy().label()).append(" mem/conn n/a: ").append(r.memory().unavailableReason()).append('\n');
            }
        }
        if ("external".equals(report.configuration().server())) {
            sb.append(clockLine(report.environment().clock())).append('\n');
        }
        return sb.toString();
    }

    /** The external server's clock offset in one line; latency never uses it (one clock, the loader's). */
    static String clockLine(ClockInfo clock) {
        String text = clock.offsetText();
        return "server clock offset: " + (text == null ? "not estimated" : text)
                + (clock.hasOffset() ? "; not applied to latency" : "");
    }

    private static String[] row(StrategyResult r, int repeats) {
        String name = r.strategy().label() + (r.sweepValue() == null ? "" : " " + r.sweepParameter() + "=" + r.sweepValue())
                + (repeats > 1 ? " #" + r.repeatIndex() : "");
        var lat = r.latency().fromScheduled();
        var net = r.networkBytes();
        var mem = r.memory();
        return new String[] {
                name,
                String.format(Locale.ROOT, "%,d", r.delivery().delivered()),
                number(r.requests().requestsPerDelivery(), 3),
                r.requests().emptyResponseShare() == null ? "-" : number(r.requests().emptyResponseShare() * 100, 1),
                number(r.applicationBytes().upBytesPerDelivery(), 1),
                number(r.applicationBytes().downBytesPerDelivery(), 1),
                net.available() ? number(net.bytesPerDelivery(), 1) : "n/a",
                millis(lat.p50Micros()), millis(lat.p99Micros()), millis(lat.p999Micros()), millis(lat.maxMicros()),
                number(r.cpu().serverCpuMicrosPerDelivery(), 1),
                number(r.cpu().clientCpuMicrosPerDelivery(), 1),
                mem.available() && mem.heapBytesPerConnection() != null
                        ? bytes(mem.heapBytesPerConnection() + (mem.directBytesPerConnection() == null ? 0 : mem.directBytesPerConnection()))
                        : "n/a",
                validColumn(r.validity().verdict())};
    }

    /** The "valid" column: {@code yes}, {@code saturated} (nothing lost, but it did not keep up) or {@code NO}. */
    static String validColumn(io.pushbench.report.RunVerdict verdict) {
        return switch (verdict) {
            case VALID -> "yes";
            case SATURATED -> "saturated";
            case INVALID -> "NO";
        };
    }

    static String millis(long micros) {
        return micros >= 10_000_000 ? String.format(Locale.ROOT, "%.1fs", micros / 1e6)
                : String.format(Locale.ROOT, "%.2fms", micros / 1000.0);
    }

    private static String number(Double v, int decimals) {
        return v == null ? "-" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private static String bytes(double b) {
        return b >= 10_000 ? String.format(Locale.ROOT, "%.1fKB", b / 1024) : String.format(Locale.ROOT, "%.0fB", b);
    }
}
