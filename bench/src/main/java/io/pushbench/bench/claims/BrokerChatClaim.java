package io.pushbench.bench.claims;

import io.pushbench.model.Strategy;
import io.pushbench.report.claims.ClaimVerdict;

import java.util.ArrayList;
import java.util.List;

/**
 * Claim 9: SSE plus Redis pub/sub or PostgreSQL NOTIFY makes a chat room easy. What a harness can measure of "easy" is
 * what the design asks nothing extra for: the members of one room spread over several server instances get every
 * message, once and in order, from the broker the instances share, without the room feeling slower than on one server.
 */
final class BrokerChatClaim implements ClaimExperiment {

    /** How much the broker hop may add to the median delivery latency of one instance on its own log. */
    static final double MAX_ADDED_MEDIAN_MICROS = 10_000;

    private final ClaimPlans plans;

    BrokerChatClaim(ClaimPlans plans) {
        this.plans = plans;
    }

    @Override
    public int number() {
        return 9;
    }

    @Override
    public String title() {
        return "SSE plus Redis or PostgreSQL makes a chat room easy";
    }

    @Override
    public String statement() {
        return "SSE plus Redis pub/sub or PostgreSQL NOTIFY makes a chat room easy.";
    }

    @Override
    public String experiment() {
        return "A chat room: " + ClaimPlans.SWEEP_CLIENTS + " SSE members with browser headers, "
                + Judgement.num(ClaimPlans.CHAT_RATE_PER_SEC) + " messages/s posted to the room; once on one server "
                + "instance on its own log, then spread over " + ClaimPlans.CHAT_INSTANCES + " instances (round-robin) "
                + "behind each broker (Redis pub/sub, PostgreSQL LISTEN/NOTIFY), the posts going to every instance in "
                + "turn. Metrics: whether the run is valid (every member got every message once, in order), median "
                + "delivery latency, the broker hop's median, server CPU per delivered message.";
    }

    @Override
    public String rule() {
        return "For each broker: it carries the room when the run is valid and its median delivery latency is at most "
                + Judgement.ms(MAX_ADDED_MEDIAN_MICROS) + " above one instance's. Holds when every broker carries it; "
                + "holds only when (naming the brokers) when some do; does not hold when none does; not measured for a "
                + "broker that cannot be reached here.";
    }

    @Override
    public List<RunPlan> plans() {
        List<RunPlan> all = new ArrayList<>();
        all.add(plans.chatMemory);
        all.addAll(plans.chatBrokers);
        return all;
    }

    @Override
    public ClaimVerdict judge(Observations o) {
        Judgement j = new Judgement(this, o);
        Double alone = j.read(plans.chatMemory, Strategy.SSE, null, Figures.MEDIAN_LATENCY_MICROS, "us", null, null);
        j.read(plans.chatMemory, Strategy.SSE, null, Figures.SERVER_CPU_MICROS_PER_DELIVERY, "us", null, null);
        j.bar("median latency", "one instance", alone);
        List<String> carried = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (RunPlan plan : plans.chatBrokers) {
            String name = plan.id().substring("chat-".length());
            String reason = o.notRunReason(plan.id());
            if (reason != null) {
                unreachable.add(name + " (" + reason + ")");
                continue;
            }
            Double median = j.read(plan, Strategy.SSE, null, Figures.MEDIAN_LATENCY_MICROS, "us", null, null);
            j.read(plan, Strategy.SSE, null, Figures.SERVER_CPU_MICROS_PER_DELIVERY, "us", null, null);
            Double hop = j.read(plan, Strategy.SSE, null, Figures.BROKER_HOP_P50_MICROS, "us", null, null);
            j.bar("median latency", name, median);
            j.bar("broker hop median", name, hop);
            Observations.Observation run = o.get(plan.id(), Strategy.SSE.label(), null);
            if (median == null || alone == null || run == null) {
                continue;
            }
            String what = name + " " + Judgement.ms(median) + (run.valid() ? ", valid" : ", NOT valid");
            if (run.valid() && median - alone <= MAX_ADDED_MEDIAN_MICROS) {
                carried.add(what);
            } else {
                failed.add(what);
            }
        }
        if (carried.isEmpty() && failed.isEmpty()) {
            if (!unreachable.isEmpty()) {
                return Judgement.notMeasured(this, "not measured: no broker could be reached: "
                        + String.join("; ", unreachable));
            }
        }
        unreachable.forEach(u -> j.note("not measured through " + u));
        String finding = "median latency one instance " + (alone == null ? "-" : Judgement.ms(alone))
                + "; " + plans.chatBrokers.get(0).instances() + " instances via " + String.join(", ", concat(carried, failed));
        String verdict = failed.isEmpty() && unreachable.isEmpty() ? ClaimVerdict.HOLDS
                : carried.isEmpty() ? ClaimVerdict.DOES_NOT_HOLD : ClaimVerdict.HOLDS_ONLY_WHEN;
        if (verdict.equals(ClaimVerdict.HOLDS_ONLY_WHEN)) {
            finding = "holds only through " + String.join(", ", carried) + ": " + finding;
        }
        return j.verdict(verdict, finding, "A chat room over several instances: latency (us)", "microseconds", true);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
