package io.pushbench.report.claims;

import java.util.List;

/**
 * The verdict on one claim.
 *
 * @param number     1..9, as in the list of claims
 * @param title      a few words, e.g. {@code Short polling wastes requests}
 * @param statement  the claim as the source text makes it
 * @param experiment the fixed experiment: workload, sweep and metric
 * @param rule       the verdict rule, stated before the run
 * @param verdict    {@code holds}, {@code holds only when}, {@code does not hold} or {@code not measured}
 * @param finding    the verdict in one sentence with its numbers (for "holds only when": the condition)
 * @param figures    the measured figures the verdict rests on, the model's beside them where there is one
 * @param chart      the data of the claim's chart, or null when nothing was measured
 * @param runs       the run folders (relative to the claims folder) the figures come from
 * @param notes      limits of the experiment worth knowing (emulator, sample size, invalid runs)
 */
public record ClaimVerdict(int number, String title, String statement, String experiment, String rule,
                           String verdict, String finding, List<ClaimFigure> figures, ClaimChart chart,
                           List<String> runs, List<String> notes) {

    /** The verdict labels. */
    public static final String HOLDS = "holds";
    public static final String HOLDS_ONLY_WHEN = "holds only when";
    public static final String DOES_NOT_HOLD = "does not hold";
    public static final String NOT_MEASURED = "not measured";

    public ClaimVerdict {
        figures = List.copyOf(figures);
        runs = List.copyOf(runs);
        notes = List.copyOf(notes);
    }
}
