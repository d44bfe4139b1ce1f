package io.pushbench.bench.claims;

import io.pushbench.bench.run.AnalyticModel;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.report.claims.ClaimVerdict;

import java.util.List;

/**
 * Claim 3: when data changes very often, long polling is no better than polling. Swept over the message rate at one
 * latency budget, on loopback with both header profiles and at 100 ms RTT; the median latencies are set beside the
 * model, which counts long polling's dead round trip per answer.
 */
final class FrequentDataClaim implements ClaimExperiment {

    /** Long polling's cost at least this share of short polling's = no essential improvement. */
    static final double NO_IMPROVEMENT_SHARE = 0.8;
    private static final String[] COSTS = {Figures.REQUESTS_PER_DELIVERY, Figures.WIRE_BYTES_PER_DELIVERY,
            Figures.SERVER_CPU_MICROS_PER_DELIVERY};

    private final ClaimPlans plans;

    FrequentDataClaim(ClaimPlans plans) {
        this.plans = plans;
    }

    @Override
    public int number() {
        return 3;
    }

    @Override
    public String title() {
        return "With very frequent data, long polling is no better than polling";
    }

    @Override
    public String statement() {
        return "If data changes very frequently, long polling brings no essential improvement over periodic polling.";
    }

    @Override
    public String experiment() {
        return ClaimPlans.SWEEP_CLIENTS + " clients on one topic, the rate swept over " + String.join(", ",
                plans.profile.claim3Rates()) + " msg/s; short polling every " + ClaimPlans.BUDGET_POLL_INTERVAL.toMillis()
                + " ms (a 100 ms mean latency budget) against long polling; loopback with minimal and browser headers, "
                + "and 100 ms RTT. Metrics: requests, bytes on the wire and server CPU per delivered message; median "
                + "latency beside the model.";
    }

    @Override
    public String rule() {
        return "At a rate, long polling brings no essential improvement when its requests, bytes and server CPU per "
                + "delivered message are each at least 80% of short polling's (within 20% or worse). Holds when that is "
                + "so at every swept rate in every condition; holds only when the rate is at least the lowest swept rate "
                + "from which it is so in every condition; does not hold when at the highest rate it is not so in some "
                + "condition.";
    }

    @Override
    public List<RunPlan> plans() {
        return List.of(plans.rateMinimal, plans.rateBrowser, plans.rateRtt);
    }

    @Override
    public ClaimVerdict judge(Observations o) {
        Judgement j = new Judgement(this, o);
        List<String> rates = plans.profile.claim3Rates();
        int fromIndex = 0;   // the first rate index from which every condition shows no improvement
        boolean highestOk = true;
        StringBuilder finding = new StringBuilder();
        for (RunPlan plan : plans()) {
            double rttMicros = plan.network() == null ? 0 : plan.network().roundTrip().toNanos() / 1e3;
            int firstOk = rates.size();
            for (int i = rates.size() - 1; i >= 0; i--) {
                String rate = rates.get(i);
                WorkloadParameters w = plan.workload().withPublishRatePerSec(Double.parseDouble(rate));
                boolean noImprovement = true;
                for (String cost : COSTS) {
                    Double sp = j.read(plan, Strategy.SHORT_POLLING, rate, cost, unit(cost), spModel(cost, w), spFormula(cost));
                    Double lp = j.read(plan, Strategy.LONG_POLLING, rate, cost, unit(cost), lpModel(cost, w, rttMicros),
                            lpFormula(cost));
                    if (sp == null || lp == null) {
                        noImprovement = false;
                        continue;
                    }
                    noImprovement &= lp >= NO_IMPROVEMENT_SHARE * sp;
                    if (cost.equals(Figures.REQUESTS_PER_DELIVERY)) {
                        j.bar(rate + " msg/s", plan.conditions(), lp / sp);
                    }
                }
                for (Strategy s : List.of(Strategy.SHORT_POLLING, Strategy.LONG_POLLING)) {
                    j.read(plan, s, rate, Figures.MEDIAN_LATENCY_MICROS, "us", AnalyticModel.medianLatencyMicros(s, w, rttMicros),
                            s == Strategy.SHORT_POLLING ? "interval/2 + RTT/2"
                                    : "RTT/2, or RTT when messages come faster than one per round trip");
                }
                if (noImprovement && firstOk == i + 1) {
                    firstOk = i;
                }
                if (i == rates.size() - 1 && !noImprovement) {
                    highestOk = false;
                }
            }
            fromIndex = Math.max(fromIndex, firstOk);
            finding.append(finding.length() == 0 ? "" : "; ").append(plan.conditions()).append(": ")
                    .append(firstOk >= rates.size() ? "long polling still cheaper at " + rates.get(rates.size() - 1) + " msg/s"
                            : "no essential improvement from " + rates.get(firstOk) + " msg/s");
        }
        String verdict;
        if (!highestOk || fromIndex >= rates.size()) {
            verdict = ClaimVerdict.DOES_NOT_HOLD;
        } else if (fromIndex == 0) {
            verdict = ClaimVerdict.HOLDS;
        } else {
            verdict = ClaimVerdict.HOLDS_ONLY_WHEN;
            finding.insert(0, "holds when data changes at least " + rates.get(fromIndex) + " msg/s per topic (at a "
                    + ClaimPlans.BUDGET_POLL_INTERVAL.toMillis() / 2 + " ms mean latency budget): ");
        }
        j.note("long polling's figures include its dead round trip per answer: at 100 ms RTT, messages that arrive "
                + "while the next request travels wait for it and leave in one batched answer");
        return j.verdict(verdict, finding.toString(), "Long polling's requests per delivered message, as a share of short polling's",
                "long polling / short polling (1 = no improvement)", false);
    }

    private static String unit(String cost) {
        return cost.equals(Figures.REQUESTS_PER_DELIVERY) ? "ratio" : cost.equals(Figures.WIRE_BYTES_PER_DELIVERY) ? "bytes" : "us";
    }

    private static Double spModel(String cost, WorkloadParameters w) {
        if (!cost.equals(Figures.REQUESTS_PER_DELIVERY)) {
            return null;
        }
        return 1 / (w.publishRatePerSec() * w.pollInterval().toNanos() / 1e9);
    }

    private static String spFormula(String cost) {
        return cost.equals(Figures.REQUESTS_PER_DELIVERY) ? "1 / (rate x interval)" : null;
    }

    private static Double lpModel(String cost, WorkloadParameters w, double rttMicros) {
        if (!cost.equals(Figures.REQUESTS_PER_DELIVERY)) {
            return null;
        }
        // one answer per message, or per round trip when messages come faster (they wait for the next request)
        return Math.min(1, 1 / (w.publishRatePerSec() * rttMicros / 1e6));
    }

    private static String lpFormula(String cost) {
        return cost.equals(Figures.REQUESTS_PER_DELIVERY) ? "min(1, 1 / (rate x RTT))" : null;
    }
}
