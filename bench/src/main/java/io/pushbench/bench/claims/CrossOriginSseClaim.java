package io.pushbench.bench.claims;

import io.pushbench.bench.network.NetworkCondition;
import io.pushbench.report.claims.ClaimVerdict;

import java.util.List;

/** Claim 8: SSE is hard to use across origins. Checked in headless Chromium by {@link CrossOriginProbe}. */
final class CrossOriginSseClaim implements ClaimExperiment {

    /** Stands for the browser set-ups in the figures' point names. */
    private static final RunPlan NONE = browserPlan(CrossOriginProbe.NO_CORS, "no CORS headers");
    private static final RunPlan STAR = browserPlan(CrossOriginProbe.CORS_STAR, "Access-Control-Allow-Origin: *");

    private static RunPlan browserPlan(String id, String conditions) {
        return new RunPlan(id, List.of(), null, null, conditions, (NetworkCondition) null, false, false);
    }

    @Override
    public int number() {
        return 8;
    }

    @Override
    public String title() {
        return "SSE is hard to use across origins";
    }

    @Override
    public String statement() {
        return "SSE is hard to use across origins.";
    }

    @Override
    public String experiment() {
        return "Headless Chromium (Debian's) opens a page from http://127.0.0.1:A served by one pushbench server; the "
                + "page opens EventSource (plain and withCredentials), fetch() and WebSocket to another pushbench server "
                + "at http://127.0.0.1:B (another origin), once without CORS headers and once with "
                + "Access-Control-Allow-Origin: *. Each check: opened or error within 5 s.";
    }

    @Override
    public String rule() {
        return "Holds when a cross-origin EventSource fails even with Access-Control-Allow-Origin: *; holds only when "
                + "(the server sends no CORS header) when it fails without and opens with that one header; does not hold "
                + "when it opens without any CORS header.";
    }

    @Override
    public List<RunPlan> plans() {
        return List.of();
    }

    @Override
    public boolean needsBrowser() {
        return true;
    }

    @Override
    public ClaimVerdict judge(Observations o) {
        Judgement j = new Judgement(this, o);
        Double[][] opened = new Double[2][CrossOriginProbe.CHECKS.size()];
        RunPlan[] setups = {NONE, STAR};
        for (int s = 0; s < 2; s++) {
            for (int c = 0; c < CrossOriginProbe.CHECKS.size(); c++) {
                String check = CrossOriginProbe.CHECKS.get(c);
                opened[s][c] = j.read(setups[s], check, null, CrossOriginProbe.OPENED, "1 = opened, 0 = error", null, null);
                j.bar(check, setups[s].headers(), opened[s][c]);
            }
        }
        if (!j.complete()) {
            return j.verdict(ClaimVerdict.NOT_MEASURED, "", "", "", false);
        }
        boolean esNone = opened[0][0] > 0;
        boolean esStar = opened[1][0] > 0;
        boolean credStar = opened[1][1] > 0;
        boolean wsNone = opened[0][3] > 0;
        String verdict = esNone ? ClaimVerdict.DOES_NOT_HOLD : esStar ? ClaimVerdict.HOLDS_ONLY_WHEN : ClaimVerdict.HOLDS;
        String finding = "EventSource across origins " + (esNone ? "opened" : "failed") + " without CORS headers and "
                + (esStar ? "opened" : "failed") + " with Access-Control-Allow-Origin: * (one response header, no "
                + "preflight: it is a simple GET); withCredentials " + (credStar ? "opened" : "failed") + " with * (it needs "
                + "the exact origin and Access-Control-Allow-Credentials: true); fetch() behaves like EventSource ("
                + (opened[0][2] > 0 ? "opened" : "failed") + " / " + (opened[1][2] > 0 ? "opened" : "failed") + "); WebSocket "
                + (wsNone ? "opened without any CORS header (browsers send Origin and leave the check to the server)"
                : "failed without CORS headers");
        if (verdict.equals(ClaimVerdict.HOLDS_ONLY_WHEN)) {
            finding = "holds only when the server sends no CORS header: " + finding;
        }
        return j.verdict(verdict, finding, "Cross-origin checks in headless Chromium (1 = opened)", "opened (1) or error (0)", false);
    }
}
