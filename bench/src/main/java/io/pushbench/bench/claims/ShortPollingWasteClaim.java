package io.pushbench.bench.claims;

import io.pushbench.model.Strategy;
import io.pushbench.report.claims.ClaimVerdict;

import java.util.List;

/** Claim 1: short polling sends a request every interval; when data changes rarely most answers are empty. */
final class ShortPollingWasteClaim implements ClaimExperiment {

    private final ClaimPlans plans;

    ShortPollingWasteClaim(ClaimPlans plans) {
        this.plans = plans;
    }

    @Override
    public int number() {
        return 1;
    }

    @Override
    public String title() {
        return "Short polling wastes requests when data changes rarely";
    }

    @Override
    public String statement() {
        return "Short polling sends a full HTTP request every interval; when data changes rarely most answers are "
                + "empty, so it wastes network and server resources.";
    }

    @Override
    public String experiment() {
        return plans.profile.clients() + " clients on one topic, " + ClaimPlans.BASE_RATE_PER_SEC + " msg/s (rare "
                + "changes), short polling every " + ClaimPlans.BASE_POLL_INTERVAL.toMillis() + " ms beside SSE, minimal "
                + "and browser headers, loopback. Metrics: short polling's empty-answer share and requests per "
                + "delivered message; bytes on the wire and server CPU per delivered message of both.";
    }

    @Override
    public String rule() {
        return "Holds when, under both header profiles, at least half of short polling's answers are empty and it "
                + "moves at least twice SSE's bytes per delivered message; holds only when one profile meets it; "
                + "does not hold otherwise.";
    }

    @Override
    public List<RunPlan> plans() {
        return List.of(plans.baseMinimal, plans.baseBrowser);
    }

    @Override
    public ClaimVerdict judge(Observations o) {
        Judgement j = new Judgement(this, o);
        double rt = ClaimPlans.BASE_RATE_PER_SEC * ClaimPlans.BASE_POLL_INTERVAL.toNanos() / 1e9;
        int met = 0;
        StringBuilder finding = new StringBuilder();
        for (RunPlan plan : plans()) {
            Double empty = j.read(plan, Strategy.SHORT_POLLING, null, Figures.EMPTY_RESPONSE_SHARE, "ratio",
                    Math.max(0, 1 - rt), "max(0, 1 - rate x interval)");
            j.read(plan, Strategy.SHORT_POLLING, null, Figures.REQUESTS_PER_DELIVERY, "ratio", 1 / rt, "1 / (rate x interval)");
            Double pollBytes = j.read(plan, Strategy.SHORT_POLLING, null, Figures.WIRE_BYTES_PER_DELIVERY, "bytes", null, null);
            Double sseBytes = j.read(plan, Strategy.SSE, null, Figures.WIRE_BYTES_PER_DELIVERY, "bytes", null, null);
            j.read(plan, Strategy.SHORT_POLLING, null, Figures.SERVER_CPU_MICROS_PER_DELIVERY, "us", null, null);
            j.read(plan, Strategy.SSE, null, Figures.SERVER_CPU_MICROS_PER_DELIVERY, "us", null, null);
            j.bar(plan.headers() + " headers", "poll", pollBytes);
            j.bar(plan.headers() + " headers", "sse", sseBytes);
            if (empty == null || pollBytes == null || sseBytes == null) {
                continue;
            }
            boolean holds = empty >= 0.5 && pollBytes >= 2 * sseBytes;
            met += holds ? 1 : 0;
            finding.append(finding.length() == 0 ? "" : "; ").append(plan.headers()).append(" headers: ")
                    .append(Judgement.pct(empty)).append(" of polls empty, ").append(Judgement.num(pollBytes / sseBytes))
                    .append("x SSE's bytes per message (").append(Judgement.num(pollBytes)).append(" vs ")
                    .append(Judgement.num(sseBytes)).append(" B)");
        }
        String verdict = met == 2 ? ClaimVerdict.HOLDS : met == 1 ? ClaimVerdict.HOLDS_ONLY_WHEN : ClaimVerdict.DOES_NOT_HOLD;
        return j.verdict(verdict, finding.toString(), "Bytes on the wire per delivered message, data changing rarely",
                "bytes per delivered message (both directions)", false);
    }
}
