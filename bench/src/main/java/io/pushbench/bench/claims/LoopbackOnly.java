package io.pushbench.bench.claims;

import io.pushbench.report.claims.ClaimVerdict;

import java.util.List;

/** A claim without its round-trip runs ({@code --loopback-only}): figures it reads from them are then missing. */
final class LoopbackOnly implements ClaimExperiment {

    private final ClaimExperiment claim;

    private LoopbackOnly(ClaimExperiment claim) {
        this.claim = claim;
    }

    static ClaimExperiment of(ClaimExperiment claim) {
        return claim.plans().stream().allMatch(p -> p.network() == null) ? claim : new LoopbackOnly(claim);
    }

    @Override
    public int number() {
        return claim.number();
    }

    @Override
    public String title() {
        return claim.title();
    }

    @Override
    public String statement() {
        return claim.statement();
    }

    @Override
    public String experiment() {
        return claim.experiment();
    }

    @Override
    public String rule() {
        return claim.rule();
    }

    @Override
    public List<RunPlan> plans() {
        return claim.plans().stream().filter(p -> p.network() == null).toList();
    }

    @Override
    public boolean needsBrowser() {
        return claim.needsBrowser();
    }

    @Override
    public ClaimVerdict judge(Observations observations) {
        return claim.judge(observations);
    }
}
