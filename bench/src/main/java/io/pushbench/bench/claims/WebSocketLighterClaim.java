package io.pushbench.bench.claims;

import io.pushbench.bench.run.AnalyticModel;
import io.pushbench.model.Strategy;
import io.pushbench.report.claims.ClaimVerdict;

import java.util.List;

/** Claim 6: WebSocket sends no HTTP headers per message, so it is lighter and faster. */
final class WebSocketLighterClaim implements ClaimExperiment {

    /** "Faster" allows this much above the fastest other strategy's median (timer and scheduling noise). */
    private static final double LATENCY_SLACK_SHARE = 0.1;
    private static final double LATENCY_SLACK_MICROS = 1000;

    private final ClaimPlans plans;

    WebSocketLighterClaim(ClaimPlans plans) {
        this.plans = plans;
    }

    @Override
    public int number() {
        return 6;
    }

    @Override
    public String title() {
        return "WebSocket is lighter and faster";
    }

    @Override
    public String statement() {
        return "WebSocket does not send HTTP's headers with every message: it is lighter and faster.";
    }

    @Override
    public String experiment() {
        return "The workload of claim 1 with every strategy: minimal and browser headers on loopback, minimal headers "
                + "at 100 ms RTT. Metrics: bytes on the wire per delivered message (lighter) and median latency "
                + "(faster), beside the model's latency.";
    }

    @Override
    public String rule() {
        return "Lighter: WebSocket's bytes per delivered message are below every other strategy's. Faster: its median "
                + "latency is at most 10% (+1 ms) above the fastest other strategy's. Holds when both, in every "
                + "condition; holds only when against polling (both against short and long polling, not against SSE); "
                + "does not hold otherwise.";
    }

    @Override
    public List<RunPlan> plans() {
        return List.of(plans.baseMinimal, plans.baseBrowser, plans.baseRtt);
    }

    @Override
    public ClaimVerdict judge(Observations o) {
        Judgement j = new Judgement(this, o);
        boolean beatsAll = true;
        boolean beatsPolling = true;
        StringBuilder finding = new StringBuilder();
        for (RunPlan plan : plans()) {
            double rtt = plan.network() == null ? 0 : plan.network().roundTrip().toNanos() / 1e3;
            Double wsBytes = null;
            Double wsLatency = null;
            double[] bytes = new double[Strategy.values().length];
            double[] latency = new double[Strategy.values().length];
            for (Strategy s : Strategy.values()) {
                Double b = j.read(plan, s, null, Figures.WIRE_BYTES_PER_DELIVERY, "bytes", null, null);
                Double l = j.read(plan, s, null, Figures.MEDIAN_LATENCY_MICROS, "us",
                        AnalyticModel.medianLatencyMicros(s, plan.workload(), rtt), s == Strategy.SHORT_POLLING
                                ? "interval/2 + RTT/2" : "RTT/2 (one way)");
                j.bar(plan.conditions(), s.label(), b);
                bytes[s.ordinal()] = b == null ? Double.NaN : b;
                latency[s.ordinal()] = l == null ? Double.NaN : l;
                if (s == Strategy.WEBSOCKET) {
                    wsBytes = b;
                    wsLatency = l;
                }
            }
            if (wsBytes == null || wsLatency == null) {
                continue;
            }
            for (Strategy s : Strategy.values()) {
                if (s == Strategy.WEBSOCKET || Double.isNaN(bytes[s.ordinal()])) {
                    continue;
                }
                boolean lighter = wsBytes < bytes[s.ordinal()];
                boolean faster = wsLatency <= latency[s.ordinal()] * (1 + LATENCY_SLACK_SHARE) + LATENCY_SLACK_MICROS;
                beatsAll &= lighter && faster;
                if (s != Strategy.SSE) {
                    beatsPolling &= lighter && faster;
                }
            }
            int sse = Strategy.SSE.ordinal();
            finding.append(finding.length() == 0 ? "" : "; ").append(plan.conditions()).append(": ws ")
                    .append(Judgement.num(wsBytes)).append(" B/msg, median ").append(Judgement.ms(wsLatency))
                    .append(" vs SSE ").append(Judgement.num(bytes[sse])).append(" B, ").append(Judgement.ms(latency[sse]))
                    .append(", short polling ").append(Judgement.num(bytes[Strategy.SHORT_POLLING.ordinal()])).append(" B, ")
                    .append(Judgement.ms(latency[Strategy.SHORT_POLLING.ordinal()]));
        }
        String verdict = beatsAll ? ClaimVerdict.HOLDS : beatsPolling ? ClaimVerdict.HOLDS_ONLY_WHEN : ClaimVerdict.DOES_NOT_HOLD;
        if (verdict.equals(ClaimVerdict.HOLDS_ONLY_WHEN)) {
            finding.insert(0, "holds only against polling, not against SSE: ");
        }
        return j.verdict(verdict, finding.toString(), "Bytes on the wire per delivered message",
                "bytes per delivered message (both directions)", true);
    }
}
