package io.pushbench.bench.run.servers;

import io.pushbench.bench.metrics.GcPauseMeter;
import io.pushbench.report.GcFigures;

import java.util.List;

/** GC pauses of this JVM over one measured window: started at the window's start, read (and stopped) at its end. */
final class LocalGcWindow {

    private final String scope;
    private GcPauseMeter meter;

    /** @param scope whose pauses these are, for the report: {@code loader+server} or {@code loader} */
    LocalGcWindow(String scope) {
        this.scope = scope;
    }

    synchronized void start() {
        if (meter != null) {
            meter.close();
        }
        meter = GcPauseMeter.start();
    }

    /** The pauses since {@link #start()}; none when it was not started. */
    synchronized GcFigures figures() {
        if (meter == null) {
            return new GcFigures(scope, List.of(), 0, 0, 0);
        }
        GcFigures figures = meter.figures(scope);
        meter.close();
        meter = null;
        return figures;
    }
}
