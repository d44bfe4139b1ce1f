package io.pushbench.report.claims;

import java.util.List;

/**
 * A claim's chart as data: grouped bars, one group per category, one bar per series.
 *
 * @param title     e.g. {@code Requests per delivered message}
 * @param valueAxis the value axis label with its unit
 * @param logScale  whether values span decades (drawn on a log axis)
 * @param bars      the bars
 */
public record ClaimChart(String title, String valueAxis, boolean logScale, List<Bar> bars) {

    /** One bar: its group, its series (legend) and value. */
    public record Bar(String category, String series, double value) {
    }

    public ClaimChart {
        bars = List.copyOf(bars);
    }
}
