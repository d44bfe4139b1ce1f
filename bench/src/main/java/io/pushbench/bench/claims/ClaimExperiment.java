package io.pushbench.bench.claims;

import io.pushbench.report.claims.ClaimVerdict;

import java.util.List;

/**
 * One claim's fixed experiment: the runs it needs, and the rule that turns their figures into a verdict. The rule is
 * stated ({@link #rule()}) before anything runs, and {@link #judge} reads nothing but the observations: the same
 * figures always give the same verdict, other figures another.
 */
public interface ClaimExperiment {

    int number();

    /** A few words. */
    String title();

    /** The claim as the source text makes it. */
    String statement();

    /** The workload, sweep and metric. */
    String experiment();

    /** The verdict rule, stated before the run. */
    String rule();

    /** The load runs it needs (shared with other claims when equal); empty for claims measured otherwise. */
    List<RunPlan> plans();

    /** Whether it needs the cross-origin checks in headless Chromium ({@link CrossOriginProbe}). */
    default boolean needsBrowser() {
        return false;
    }

    /** The verdict from the observations alone. */
    ClaimVerdict judge(Observations observations);
}
