package io.pushbench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClockInfoTest {

    @Test
    void offsetTextGivesOffsetUncertaintyMethodAndWhereTheClockIs() {
        ClockInfo clock = new ClockInfo(ClockInfo.SHARED_MONOTONIC, 1_234.0, 55.0, 60, "other-host", "http-exchange", null,
                "http://h:1/clock", 1L, 0, new ClockInfo.RoundTrips(109, 150, 900));

        assertThat(clock.offsetText())
                .isEqualTo("+1.234 ms ± 0.055 ms (http-exchange, 60 exchanges, best round trip 0.109 ms, other-host)");
    }

    @Test
    void offsetTextOfADateHeaderEstimateStatesItsOneSecondResolution() {
        ClockInfo clock = new ClockInfo(ClockInfo.SHARED_MONOTONIC, -2_000_000.0, 500_100.0, 5, "other-host",
                "date-header", "GET http://h:1/clock answered 404", "http://h:1/clock", 1_000_000L, 0,
                new ClockInfo.RoundTrips(200, 300, 400));

        assertThat(clock.offsetText()).startsWith("-2000.000 ms ± 500.100 ms (date-header, 1 s resolution, 5 exchanges");
    }

    @Test
    void offsetTextSaysWhyWhenUnavailableAndNothingWhenNotEstimated() {
        ClockInfo none = new ClockInfo(ClockInfo.SHARED_MONOTONIC, null, null, 0, "other-host", "unavailable",
                "cannot ask http://h:1/clock: Connection refused", "http://h:1/clock", null, 3, null);

        assertThat(none.offsetText()).isEqualTo("unavailable (cannot ask http://h:1/clock: Connection refused)");
        assertThat(ClockInfo.sharedMonotonic().offsetText()).isNull();
    }
}
