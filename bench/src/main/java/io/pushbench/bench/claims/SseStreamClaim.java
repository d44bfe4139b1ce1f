package io.pushbench.bench.claims;

import io.pushbench.model.Strategy;
import io.pushbench.report.claims.ClaimVerdict;

import java.util.List;

/** Claim 5: SSE is a stream, the server pushes without a request per message. */
final class SseStreamClaim implements ClaimExperiment {

    private static final double MAX_REQUESTS_PER_DELIVERY = 0.01;

    private final ClaimPlans plans;

    SseStreamClaim(ClaimPlans plans) {
        this.plans = plans;
    }

    @Override
    public int number() {
        return 5;
    }

    @Override
    public String title() {
        return "SSE pushes without a request per message";
    }

    @Override
    public String statement() {
        return "SSE is a stream: the server keeps pushing without a request per message.";
    }

    @Override
    public String experiment() {
        return "The workload of claim 1 with every strategy, minimal and browser headers on loopback and minimal "
                + "headers at 100 ms RTT. Metric: requests per delivered message (and bytes sent up per message).";
    }

    @Override
    public String rule() {
        return "Holds when SSE makes at most 0.01 requests per delivered message (none but the connect) in every "
                + "condition; does not hold otherwise.";
    }

    @Override
    public List<RunPlan> plans() {
        return List.of(plans.baseMinimal, plans.baseBrowser, plans.baseRtt);
    }

    @Override
    public ClaimVerdict judge(Observations o) {
        Judgement j = new Judgement(this, o);
        boolean holds = true;
        double worst = 0;
        for (RunPlan plan : plans()) {
            Double sse = j.read(plan, Strategy.SSE, null, Figures.REQUESTS_PER_DELIVERY, "ratio", 0.0,
                    "0 (one request per connection, made before the window)");
            j.read(plan, Strategy.SSE, null, Figures.UP_BYTES_PER_DELIVERY, "bytes", 0.0, "0");
            for (Strategy s : Strategy.values()) {
                j.bar(plan.conditions(), s.label(), o.figure(plan.id(), s.label(), null, Figures.REQUESTS_PER_DELIVERY));
            }
            if (sse == null) {
                continue;
            }
            worst = Math.max(worst, sse);
            holds &= sse <= MAX_REQUESTS_PER_DELIVERY;
        }
        return j.verdict(holds ? ClaimVerdict.HOLDS : ClaimVerdict.DOES_NOT_HOLD,
                "SSE made at most " + Judgement.num(worst) + " requests per delivered message", "Requests per delivered message",
                "requests per delivered message", false);
    }
}
