package io.pushbench.compare.history;

import io.pushbench.report.compare.BetterWhen;
import io.pushbench.report.compare.HistoryPoint;
import io.pushbench.report.compare.HistoryReport;
import io.pushbench.report.compare.MetricSeries;
import io.pushbench.report.compare.TrackerEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The newest value of every series in github-action-benchmark's custom format: one list for its
 * {@code customSmallerIsBetter} tool and one for {@code customBiggerIsBetter}, each entry
 * {@code {name, unit, value}} with the series' name ({@code "ws latency.p99"}) and the median of the
 * newest run that has it.
 */
public final class TrackerExport {

    /** File name of the smaller-is-better list. */
    public static final String SMALLER_FILE = "benchmark-smaller-is-better.json";
    /** File name of the bigger-is-better list. */
    public static final String BIGGER_FILE = "benchmark-bigger-is-better.json";

    private TrackerExport() {
    }

    /** The newest value of every series whose metric is better when {@code better}. */
    public static List<TrackerEntry> newest(HistoryReport history, BetterWhen better) {
        List<TrackerEntry> out = new ArrayList<>();
        for (MetricSeries s : history.series()) {
            if (s.betterWhen() == better && !s.points().isEmpty()) {
                HistoryPoint last = s.points().get(s.points().size() - 1);
                out.add(new TrackerEntry(s.subject() + " " + s.metric(), s.unit(), last.median()));
            }
        }
        return out;
    }
}
