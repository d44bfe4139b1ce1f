package io.pushbench.plots.run;

import io.pushbench.plots.render.RenderedChart;
import io.pushbench.plots.report.EnvironmentFacts;
import io.pushbench.plots.report.ReportPage;
import io.pushbench.report.RunConfiguration;
import io.pushbench.report.RunReport;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the report page of a load run: headline table, configuration and environment, from its report. */
public final class RunPage {

    private RunPage() {
    }

    /**
     * @param report     the run's report
     * @param aggregates per strategy and sweep point, in run order
     * @param charts     the charts drawn, in reading order
     * @param rawFiles   files of the run folder to link (report.json, .hlog files)
     */
    public static ReportPage of(RunReport report, List<StrategyAggregate> aggregates, List<RenderedChart> charts,
                                List<String> rawFiles) {
        RunConfiguration config = report.configuration();
        String workload = aggregates.isEmpty() ? "" : WorkloadText.of(aggregates.get(0).workload(), config);
        if (config.sweep() != null) {
            workload += " · sweep of " + config.sweep().parameter() + " over " + String.join(", ", config.sweep().values());
        }
        return new ReportPage("pushbench run " + report.runId(), workload, report.validity().verdict(),
                report.validity().reasons(), headline(aggregates, config.sweep() != null), charts,
                configuration(config, report), EnvironmentFacts.of(report.environment()), rawFiles);
    }

    /** One row per strategy (and sweep point): the same figures as the run's summary table. */
    static ReportPage.Table headline(List<StrategyAggregate> aggregates, boolean sweep) {
        List<String> columns = new ArrayList<>(List.of("Strategy"));
        if (sweep) {
            columns.add("Sweep point");
        }
        columns.addAll(List.of("Delivered", "Requests/msg", "Empty %", "App B/msg up", "App B/msg down",
                "Network B/msg", "p50 (ms)", "p99 (ms)", "p99.9 (ms)", "max (ms)", "Server CPU µs/msg",
                "Loader CPU µs/msg", "Valid"));
        List<List<String>> rows = new ArrayList<>();
        for (StrategyAggregate s : aggregates) {
            List<String> row = new ArrayList<>(List.of(s.strategy().displayName()));
            if (sweep) {
                row.add(s.sweepValue());
            }
            Histogram h = s.latencyMicros();
            boolean hasLatency = h.getTotalCount() > 0;
            row.add(WorkloadText.number(s.delivered()));
            row.add(fixed(s.perDelivery(s.requests()).orElse(null), 3));
            row.add(s.requests() == 0 ? "–" : fixed(100.0 * s.emptyResponses() / s.requests(), 1));
            row.add(fixed(s.perDelivery(s.totalBytes(s.upBytes())).orElse(null), 1));
            row.add(fixed(s.perDelivery(s.totalBytes(s.downBytes())).orElse(null), 1));
            row.add(s.tcpIpUpBytes().isPresent() && s.tcpIpDownBytes().isPresent()
                    ? fixed(s.perDelivery(s.totalBytes(s.upBytes()) + s.totalBytes(s.downBytes())
                    + s.tcpIpUpBytes().get() + s.tcpIpDownBytes().get()).orElse(null), 1) : "n/a");
            for (double p : new double[] {50, 99, 99.9}) {
                row.add(hasLatency ? fixed(h.getValueAtPercentile(p) / 1000.0, 3) : "–");
            }
            row.add(hasLatency ? fixed(h.getMaxValue() / 1000.0, 3) : "–");
            row.add(s.serverCpuMicros().map(cpu -> fixed(s.perDelivery(cpu).orElse(null), 2)).orElse("n/a"));
            row.add(fixed(s.perDelivery(s.clientCpuMicros()).orElse(null), 2));
            row.add(switch (s.verdict()) { case VALID -> "yes"; case SATURATED -> "saturated"; case INVALID -> "NO"; });
            rows.add(row);
        }
        return new ReportPage.Table(columns, rows);
    }

    private static Map<String, String> configuration(RunConfiguration c, RunReport report) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("command", String.join(" ", report.commandLine()));
        m.put("strategies", String.join(", ", c.strategies()));
        m.put("preset", c.preset() == null ? "none" : c.preset());
        m.put("clients per strategy", String.valueOf(c.clients()));
        m.put("topics", c.topics());
        m.put("publish rate per topic", WorkloadText.number(c.publishRatePerSec()) + " msg/s (" + c.arrivals() + ")");
        m.put("payload", c.payloadBytes() + " B");
        m.put("short-polling interval", WorkloadText.duration(c.pollIntervalMillis()));
        m.put("long-poll hold", WorkloadText.duration(c.longPollHoldMillis()));
        m.put("warm-up / measured", WorkloadText.duration(c.warmupMillis()) + " / " + WorkloadText.duration(c.durationMillis()));
        m.put("sweep", c.sweep() == null ? "none" : c.sweep().parameter() + " = " + String.join(", ", c.sweep().values()));
        m.put("repeats", String.valueOf(c.repeats()));
        m.put("server", c.server());
        m.put("seed", String.valueOf(c.seed()));
        m.put("WebSocket permessage-deflate", String.valueOf(c.wsDeflate()));
        c.serverOptions().forEach((k, v) -> m.put("server option " + k, v));
        return m;
    }

    private static String fixed(Double value, int decimals) {
        return value == null ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}
