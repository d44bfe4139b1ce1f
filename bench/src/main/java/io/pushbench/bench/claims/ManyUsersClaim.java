package io.pushbench.bench.claims;

import io.pushbench.model.Strategy;
import io.pushbench.report.claims.ClaimVerdict;

import java.util.List;

/** Claim 4: with very many users, long polling brings no essential improvement over polling. */
final class ManyUsersClaim implements ClaimExperiment {

    private final ClaimPlans plans;

    ManyUsersClaim(ClaimPlans plans) {
        this.plans = plans;
    }

    @Override
    public int number() {
        return 4;
    }

    @Override
    public String title() {
        return "With very many users, long polling is no better than polling";
    }

    @Override
    public String statement() {
        return "If very many users are connected, long polling brings no essential improvement over polling.";
    }

    @Override
    public String experiment() {
        return "Clients swept over " + String.join(", ", plans.profile.claim4Clients()) + " on one topic, 1 msg/s, short "
                + "polling every 1 s against long polling, a forked server (its own JVM), loopback, minimal headers. "
                + "Metrics: server CPU per delivered message and server memory per connection.";
    }

    @Override
    public String rule() {
        return "At a client count, long polling brings no essential improvement when its server CPU per delivered "
                + "message and its memory per connection are each at least 80% of short polling's. Holds when so at "
                + "every count; holds only when the clients are at least the smallest count from which it is so; does "
                + "not hold when it is not so at the largest count.";
    }

    @Override
    public List<RunPlan> plans() {
        return List.of(plans.clients);
    }

    @Override
    public ClaimVerdict judge(Observations o) {
        Judgement j = new Judgement(this, o);
        List<String> counts = plans.profile.claim4Clients();
        int firstOk = counts.size();
        boolean largestOk = true;
        StringBuilder finding = new StringBuilder();
        for (int i = counts.size() - 1; i >= 0; i--) {
            String n = counts.get(i);
            Double spCpu = j.read(plans.clients, Strategy.SHORT_POLLING, n, Figures.SERVER_CPU_MICROS_PER_DELIVERY, "us", null, null);
            Double lpCpu = j.read(plans.clients, Strategy.LONG_POLLING, n, Figures.SERVER_CPU_MICROS_PER_DELIVERY, "us", null, null);
            Double spMem = j.read(plans.clients, Strategy.SHORT_POLLING, n, Figures.MEMORY_BYTES_PER_CONNECTION, "bytes", null, null);
            Double lpMem = j.read(plans.clients, Strategy.LONG_POLLING, n, Figures.MEMORY_BYTES_PER_CONNECTION, "bytes", null, null);
            j.bar(n + " clients", "poll", spCpu);
            j.bar(n + " clients", "long-poll", lpCpu);
            boolean ok = spCpu != null && lpCpu != null && spMem != null && lpMem != null
                    && lpCpu >= 0.8 * spCpu && lpMem >= 0.8 * spMem;
            if (ok && firstOk == i + 1) {
                firstOk = i;
            }
            if (i == counts.size() - 1 && !ok) {
                largestOk = false;
            }
            if (spCpu != null && lpCpu != null && spMem != null && lpMem != null) {
                finding.insert(0, n + " clients: long polling " + Judgement.num(lpCpu) + " vs " + Judgement.num(spCpu)
                        + " us CPU per message, " + Judgement.num(lpMem) + " vs " + Judgement.num(spMem) + " B per connection"
                        + (finding.length() == 0 ? "" : "; "));
            }
        }
        String verdict = !largestOk ? ClaimVerdict.DOES_NOT_HOLD : firstOk == 0 ? ClaimVerdict.HOLDS : ClaimVerdict.HOLDS_ONLY_WHEN;
        if (verdict.equals(ClaimVerdict.HOLDS_ONLY_WHEN)) {
            finding.insert(0, "holds from " + counts.get(firstOk) + " clients: ");
        }
        j.note("at the same 1 s poll interval short polling delivers half a second later on average than long polling: "
                + "the costs are compared, not the latency");
        return j.verdict(verdict, finding.toString(), "Server CPU per delivered message by number of clients",
                "server CPU, us per delivered message", true);
    }
}
