package io.pushbench.bench.claims;

import io.pushbench.report.claims.ClaimVerdict;

import java.util.List;

/** Claim 9: SSE with Redis pub/sub or PostgreSQL NOTIFY makes a chat room easy. Not measured until the broker-backed server lands. */
final class BrokerChatClaim implements ClaimExperiment {

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
        return "A chat room (every client publishes and subscribes) through pushbench's server backed by Redis pub/sub "
                + "and by PostgreSQL LISTEN/NOTIFY: delivery, latency and code size against the plain server.";
    }

    @Override
    public String rule() {
        return "Not measured yet: it needs the broker-backed server (serve --broker), which this pushbench does not have.";
    }

    @Override
    public List<RunPlan> plans() {
        return List.of();
    }

    @Override
    public ClaimVerdict judge(Observations observations) {
        return Judgement.notMeasured(this, "not measured yet: the broker-backed server (--broker) has not landed; no "
                + "figure is made up for it");
    }
}
