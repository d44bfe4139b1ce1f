package io.pushbench.bench.claims;

import io.pushbench.model.Strategy;
import io.pushbench.report.claims.ClaimVerdict;

import java.util.List;

/** Claim 7: permessage-deflate makes WebSocket messages smaller, at a CPU price. */
final class DeflateClaim implements ClaimExperiment {

    private static final double MIN_CHANGE = 0.10;

    private final ClaimPlans plans;

    DeflateClaim(ClaimPlans plans) {
        this.plans = plans;
    }

    @Override
    public int number() {
        return 7;
    }

    @Override
    public String title() {
        return "permessage-deflate: smaller messages at a CPU price";
    }

    @Override
    public String statement() {
        return "permessage-deflate (which browsers offer in the WebSocket handshake) makes messages smaller, at a CPU price.";
    }

    @Override
    public String experiment() {
        return ClaimPlans.SWEEP_CLIENTS + " WebSocket clients (browser headers) on one topic, 10 msg/s of "
                + ClaimPlans.DEFLATE_PAYLOAD_BYTES + "-byte payloads (a header, then seeded random letters and digits), "
                + "with and without permessage-deflate, loopback. Metrics: bytes down per delivered message, server CPU "
                + "per delivered message.";
    }

    @Override
    public String rule() {
        return "Holds when deflate cuts the bytes down per delivered message by at least 10% and raises the server CPU "
                + "per delivered message by at least 10%; holds only when (smaller, with a CPU price under 10%); does "
                + "not hold when the bytes shrink by less than 10%.";
    }

    @Override
    public List<RunPlan> plans() {
        return List.of(plans.deflateOff, plans.deflateOn);
    }

    @Override
    public ClaimVerdict judge(Observations o) {
        Judgement j = new Judgement(this, o);
        Double plainBytes = j.read(plans.deflateOff, Strategy.WEBSOCKET, null, Figures.DOWN_BYTES_PER_DELIVERY, "bytes", null, null);
        Double deflateBytes = j.read(plans.deflateOn, Strategy.WEBSOCKET, null, Figures.DOWN_BYTES_PER_DELIVERY, "bytes", null, null);
        Double plainCpu = j.read(plans.deflateOff, Strategy.WEBSOCKET, null, Figures.SERVER_CPU_MICROS_PER_DELIVERY, "us", null, null);
        Double deflateCpu = j.read(plans.deflateOn, Strategy.WEBSOCKET, null, Figures.SERVER_CPU_MICROS_PER_DELIVERY, "us", null, null);
        j.bar("bytes down per message", "without deflate", plainBytes);
        j.bar("bytes down per message", "permessage-deflate", deflateBytes);
        j.bar("server CPU, us x 100 per message", "without deflate", plainCpu == null ? null : plainCpu * 100);
        j.bar("server CPU, us x 100 per message", "permessage-deflate", deflateCpu == null ? null : deflateCpu * 100);
        j.note("the padding after each payload's header is the same seeded letters in every message of a run, so with "
                + "context takeover deflate finds most of a message in its window: a best case for deflate; payloads "
                + "that differ from message to message shrink far less");
        String verdict = ClaimVerdict.DOES_NOT_HOLD;
        String finding = "";
        if (j.complete()) {
            double smaller = 1 - deflateBytes / plainBytes;
            double cpu = deflateCpu / plainCpu - 1;
            verdict = smaller < MIN_CHANGE ? ClaimVerdict.DOES_NOT_HOLD
                    : cpu >= MIN_CHANGE ? ClaimVerdict.HOLDS : ClaimVerdict.HOLDS_ONLY_WHEN;
            finding = "bytes down per message " + Judgement.num(plainBytes) + " -> " + Judgement.num(deflateBytes) + " ("
                    + Judgement.pct(smaller) + " smaller), server CPU per message " + Judgement.num(plainCpu) + " -> "
                    + Judgement.num(deflateCpu) + " us (" + (cpu >= 0 ? "+" : "") + Judgement.pct(cpu) + ")"
                    + (verdict.equals(ClaimVerdict.HOLDS_ONLY_WHEN) ? "; smaller, but the CPU price stayed under 10% here" : "");
        }
        return j.verdict(verdict, finding, "WebSocket with and without permessage-deflate", "bytes / (us x 100)", false);
    }
}
