package io.pushbench.bench.claims;

import io.pushbench.model.Strategy;
import io.pushbench.report.claims.ClaimVerdict;

import java.util.List;

/** Claim 2: long polling cuts the empty transfers by holding the request until data arrives. */
final class LongPollingCutsEmptyClaim implements ClaimExperiment {

    private final ClaimPlans plans;

    LongPollingCutsEmptyClaim(ClaimPlans plans) {
        this.plans = plans;
    }

    @Override
    public int number() {
        return 2;
    }

    @Override
    public String title() {
        return "Long polling cuts the empty answers";
    }

    @Override
    public String statement() {
        return "Long polling cuts those empty transfers: the server holds the request until data arrives.";
    }

    @Override
    public String experiment() {
        return "The workload of claim 1 (rare changes), long polling (hold 30 s) beside short polling, minimal and "
                + "browser headers, loopback. Metrics: empty-answer share and requests per delivered message.";
    }

    @Override
    public String rule() {
        return "Holds when, under both header profiles, at most 10% of long polling's answers are empty and it makes at "
                + "most half of short polling's requests per delivered message; holds only when one profile meets it; "
                + "does not hold otherwise.";
    }

    @Override
    public List<RunPlan> plans() {
        return List.of(plans.baseMinimal, plans.baseBrowser);
    }

    @Override
    public ClaimVerdict judge(Observations o) {
        Judgement j = new Judgement(this, o);
        double rh = ClaimPlans.BASE_RATE_PER_SEC * 30;
        int met = 0;
        StringBuilder finding = new StringBuilder();
        for (RunPlan plan : plans()) {
            Double lpEmpty = j.read(plan, Strategy.LONG_POLLING, null, Figures.EMPTY_RESPONSE_SHARE, "ratio",
                    1 - 1 / Math.ceil(1 / rh), "1 - 1 / ceil(1 / (rate x hold))");
            Double lpRequests = j.read(plan, Strategy.LONG_POLLING, null, Figures.REQUESTS_PER_DELIVERY, "ratio",
                    Math.ceil(1 / rh), "ceil(1 / (rate x hold))");
            Double spRequests = j.read(plan, Strategy.SHORT_POLLING, null, Figures.REQUESTS_PER_DELIVERY, "ratio", null, null);
            j.bar(plan.headers() + " headers", "poll", spRequests);
            j.bar(plan.headers() + " headers", "long-poll", lpRequests);
            if (lpEmpty == null || lpRequests == null || spRequests == null) {
                continue;
            }
            boolean holds = lpEmpty <= 0.1 && lpRequests <= 0.5 * spRequests;
            met += holds ? 1 : 0;
            finding.append(finding.length() == 0 ? "" : "; ").append(plan.headers()).append(" headers: long polling ")
                    .append(Judgement.pct(lpEmpty)).append(" empty, ").append(Judgement.num(lpRequests))
                    .append(" requests per message vs short polling's ").append(Judgement.num(spRequests));
        }
        String verdict = met == 2 ? ClaimVerdict.HOLDS : met == 1 ? ClaimVerdict.HOLDS_ONLY_WHEN : ClaimVerdict.DOES_NOT_HOLD;
        return j.verdict(verdict, finding.toString(), "Requests per delivered message, data changing rarely",
                "requests per delivered message", false);
    }
}
