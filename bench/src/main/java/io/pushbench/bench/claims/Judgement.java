package io.pushbench.bench.claims;

import io.pushbench.model.Strategy;
import io.pushbench.report.claims.ClaimChart;
import io.pushbench.report.claims.ClaimFigure;
import io.pushbench.report.claims.ClaimVerdict;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Collects what one verdict rests on while an experiment reads its observations: the figures (with the model's),
 * the chart's bars, the run folders, and what was missing or invalid. Missing figures make the verdict
 * "not measured", never a guess.
 */
final class Judgement {

    private final ClaimExperiment claim;
    private final Observations observations;
    private final List<ClaimFigure> figures = new ArrayList<>();
    private final List<ClaimChart.Bar> bars = new ArrayList<>();
    private final Set<String> runs = new LinkedHashSet<>();
    private final Set<String> notes = new LinkedHashSet<>();
    private final List<String> missing = new ArrayList<>();

    Judgement(ClaimExperiment claim, Observations observations) {
        this.claim = claim;
        this.observations = observations;
    }

    /** A figure of a run, recorded for the verdict (null and noted as missing when the run did not measure it). */
    Double read(RunPlan plan, Strategy strategy, String sweepValue, String figure, String unit, Double model, String formula) {
        return read(plan, strategy.label(), sweepValue, figure, unit, model, formula);
    }

    Double read(RunPlan plan, String subject, String sweepValue, String figure, String unit, Double model, String formula) {
        Observations.Observation o = observations.get(plan.id(), subject, sweepValue);
        String point = subject + ", " + plan.conditions() + (sweepValue == null ? "" : ", "
                + plan.sweep().substring(0, plan.sweep().indexOf('=')) + " " + sweepValue);
        if (o == null || o.get(figure) == null) {
            missing.add(figure + " of " + point);
            return null;
        }
        if (o.runFolder() != null) {
            runs.add(o.runFolder());
        }
        if (!o.valid()) {
            notes.add("the run of " + point + " was not valid (see its report.json); its figures are used as measured");
        }
        figures.add(new ClaimFigure(point, figure, unit, o.get(figure), model, formula));
        return o.get(figure);
    }

    void bar(String category, String series, Double value) {
        if (value != null) {
            bars.add(new ClaimChart.Bar(category, series, value));
        }
    }

    void note(String note) {
        notes.add(note);
    }

    boolean complete() {
        return missing.isEmpty();
    }

    /** The verdict; "not measured" naming what was missing when a figure was. */
    ClaimVerdict verdict(String verdict, String finding, String chartTitle, String valueAxis, boolean logScale) {
        if (!missing.isEmpty()) {
            return new ClaimVerdict(claim.number(), claim.title(), claim.statement(), claim.experiment(), claim.rule(),
                    ClaimVerdict.NOT_MEASURED, "not measured: no figure for " + String.join("; ", missing),
                    figures, bars.isEmpty() ? null : new ClaimChart(chartTitle, valueAxis, logScale, bars),
                    List.copyOf(runs), List.copyOf(notes));
        }
        return new ClaimVerdict(claim.number(), claim.title(), claim.statement(), claim.experiment(), claim.rule(),
                verdict, finding, figures, bars.isEmpty() ? null : new ClaimChart(chartTitle, valueAxis, logScale, bars),
                List.copyOf(runs), List.copyOf(notes));
    }

    /** A verdict of a claim that was not measured in this run, with the reason. */
    static ClaimVerdict notMeasured(ClaimExperiment claim, String reason) {
        return new ClaimVerdict(claim.number(), claim.title(), claim.statement(), claim.experiment(), claim.rule(),
                ClaimVerdict.NOT_MEASURED, reason, List.of(), null, List.of(), List.of());
    }

    static String num(double v) {
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    static String ms(double micros) {
        return String.format(Locale.ROOT, micros >= 10_000 ? "%.0f ms" : "%.1f ms", micros / 1000);
    }
}
