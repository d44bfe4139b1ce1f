package io.pushbench.bench.claims;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the runs measured, as the verdicts read it: per plan, strategy (or browser check) and sweep value, named
 * figures. Filled from the run reports by {@link ClaimsRunner}, or by hand in tests, so the verdict rules can be
 * checked against any figures.
 */
public final class Observations {

    /** Figures of one strategy run (or one browser check). */
    public record Observation(String planId, String subject, String sweepValue, Map<String, Double> figures,
                              boolean valid, String runFolder) {

        /** A figure, or null when the run did not measure it. */
        public Double get(String name) {
            return figures.get(name);
        }
    }

    private final Map<String, Observation> byKey = new LinkedHashMap<>();
    private final Map<String, String> notRun = new LinkedHashMap<>();

    /** Adds (or replaces) an observation. */
    public Observations add(Observation o) {
        byKey.put(key(o.planId(), o.subject(), o.sweepValue()), o);
        return this;
    }

    /** The observation, or null when that run is missing. */
    public Observation get(String planId, String subject, String sweepValue) {
        return byKey.get(key(planId, subject, sweepValue));
    }

    /** A figure, or null when the run or the figure is missing. */
    public Double figure(String planId, String subject, String sweepValue, String name) {
        Observation o = get(planId, subject, sweepValue);
        return o == null ? null : o.get(name);
    }

    /** Records that a plan could not run here, and why (a broker that cannot be reached). */
    public Observations notRun(String planId, String reason) {
        notRun.put(planId, reason);
        return this;
    }

    /** Why a plan did not run, or null when it ran (or was not asked for). */
    public String notRunReason(String planId) {
        return notRun.get(planId);
    }

    public java.util.Collection<Observation> all() {
        return byKey.values();
    }

    private static String key(String planId, String subject, String sweepValue) {
        return planId + "|" + subject + "|" + (sweepValue == null ? "" : sweepValue);
    }
}
