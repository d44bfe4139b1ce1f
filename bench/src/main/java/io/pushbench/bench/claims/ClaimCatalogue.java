package io.pushbench.bench.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The nine claims' experiments for a profile, and the choice of some of them ({@code --claims 1,3,8}). */
final class ClaimCatalogue {

    private ClaimCatalogue() {
    }

    static List<ClaimExperiment> all(ClaimsProfile profile) {
        return all(profile, List.of(ClaimPlans.DEFAULT_REDIS, ClaimPlans.DEFAULT_POSTGRESQL));
    }

    /** @param chatBrokers the broker URLs claim 9's room runs through */
    static List<ClaimExperiment> all(ClaimsProfile profile, List<String> chatBrokers) {
        ClaimPlans plans = new ClaimPlans(profile, chatBrokers);
        return List.of(new ShortPollingWasteClaim(plans), new LongPollingCutsEmptyClaim(plans), new FrequentDataClaim(plans),
                new ManyUsersClaim(plans), new SseStreamClaim(plans), new WebSocketLighterClaim(plans),
                new DeflateClaim(plans), new CrossOriginSseClaim(), new BrokerChatClaim(plans));
    }

    /**
     * The claims named in a comma list of numbers 1..9 ({@code all} = every claim).
     *
     * @throws IllegalArgumentException naming an unknown claim
     */
    static List<ClaimExperiment> choose(ClaimsProfile profile, String list) {
        return choose(profile, list, List.of(ClaimPlans.DEFAULT_REDIS, ClaimPlans.DEFAULT_POSTGRESQL));
    }

    /** As {@link #choose(ClaimsProfile, String)}, claim 9 through these brokers. */
    static List<ClaimExperiment> choose(ClaimsProfile profile, String list, List<String> chatBrokers) {
        List<ClaimExperiment> all = all(profile, chatBrokers);
        if (list.equals("all")) {
            return all;
        }
        TreeSet<Integer> numbers = new TreeSet<>();
        for (String part : list.split(",")) {
            String p = part.trim();
            if (!p.matches("[1-9]")) {
                throw new IllegalArgumentException("unknown claim '" + p + "': claims are numbered 1 to 9 (or all)");
            }
            numbers.add(Integer.parseInt(p));
        }
        List<ClaimExperiment> chosen = new ArrayList<>();
        for (ClaimExperiment c : all) {
            if (numbers.contains(c.number())) {
                chosen.add(c);
            }
        }
        return chosen;
    }
}
