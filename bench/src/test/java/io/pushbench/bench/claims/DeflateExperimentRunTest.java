package io.pushbench.bench.claims;

import io.pushbench.report.claims.ClaimFigure;
import io.pushbench.report.claims.ClaimVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One claim's experiment, small, end to end: claim 7's two WebSocket runs and the verdict from their figures. */
class DeflateExperimentRunTest {

    private static final ClaimsProfile SMALL = new ClaimsProfile("test", Duration.ofMillis(500), Duration.ofSeconds(2), 10,
            List.of("2"), List.of("10"));

    @Test
    void deflateClaimIsJudgedFromItsOwnTwoRuns(@TempDir Path dir) throws Exception {
        ClaimExperiment claim = ClaimCatalogue.choose(SMALL, "7").get(0);
        ClaimsRunner runner = new ClaimsRunner(List.of(claim), false, null,
                new ClaimsProgress(new PrintWriter(new StringWriter()), false));

        Observations o = runner.run(runner.preflight(), dir, List.of("claims", "--claims=7"));
        ClaimVerdict v = claim.judge(o);

        assertThat(runner.plans()).extracting(RunPlan::id).containsExactly("ws-plain", "ws-deflate");
        assertThat(dir.resolve("runs/ws-plain/report.json")).exists();
        assertThat(dir.resolve("runs/ws-deflate/report.json")).exists();
        assertThat(v.figures()).hasSize(4).allSatisfy(f -> assertThat(f.measured()).isPositive());
        double plain = bytes(v, "ws-plain");
        double deflated = bytes(v, "ws-deflate");
        // the payload padding is seeded random letters and digits (~6 bits a byte): deflate saves about a quarter
        assertThat(deflated).isLessThan(0.9 * plain);
        assertThat(v.verdict()).isIn(ClaimVerdict.HOLDS, ClaimVerdict.HOLDS_ONLY_WHEN);
        assertThat(v.runs()).containsExactly("runs/ws-plain", "runs/ws-deflate");
    }

    private static double bytes(ClaimVerdict v, String plan) {
        return v.figures().stream().filter(f -> f.metric().equals(Figures.DOWN_BYTES_PER_DELIVERY)
                        && f.point().contains(plan.equals("ws-plain") ? "browser headers, loopback" : "permessage-deflate")
                        && (plan.equals("ws-deflate") || !f.point().contains("deflate")))
                .map(ClaimFigure::measured).findFirst().orElseThrow();
    }
}
