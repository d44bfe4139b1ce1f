package io.pushbench.bench.claims;

import io.pushbench.bench.browser.BrowserUnavailableException;
import io.pushbench.bench.browser.HeadlessChromium;
import io.pushbench.bench.client.headers.ClientHeaders;
import io.pushbench.bench.network.EmulatedNetworkTarget;
import io.pushbench.bench.network.LinkEmulator;
import io.pushbench.bench.netns.NetnsUnavailableException;
import io.pushbench.bench.run.LoadRun;
import io.pushbench.bench.run.RunSettings;
import io.pushbench.bench.run.brokers.BrokerSetup;
import io.pushbench.bench.run.brokers.ClusterServerTarget;
import io.pushbench.bench.run.servers.EmbeddedServerTarget;
import io.pushbench.bench.run.servers.ForkedServerTarget;
import io.pushbench.bench.run.servers.ServerTarget;
import io.pushbench.bench.workload.Sweep;
import io.pushbench.report.NetworkCondition;
import io.pushbench.report.RunReport;
import io.pushbench.report.StrategyResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs what the chosen claims need: the browser checks first (a browser that does not start stops the run before
 * any load run), then every distinct load run once (through {@link LoadRun}, each into {@code runs/<plan>/}), and
 * turns the reports into {@link Observations}.
 */
final class ClaimsRunner {

    private final List<ClaimExperiment> claims;
    private final boolean fork;
    private final LinkEmulator emulator;
    private final ClaimsProgress progress;
    private NetworkCondition networkUsed;

    /**
     * @param fork     every run against a forked server (else embedded, except plans that need a fork)
     * @param emulator the network emulator preference (null = netem where the kernel has it, else the relay)
     */
    ClaimsRunner(List<ClaimExperiment> claims, boolean fork, LinkEmulator emulator, ClaimsProgress progress) {
        this.claims = List.copyOf(claims);
        this.fork = fork;
        this.emulator = emulator;
        this.progress = progress;
    }

    /** The distinct plans the claims need, in claim order. */
    List<RunPlan> plans() {
        Map<String, RunPlan> plans = new LinkedHashMap<>();
        for (ClaimExperiment c : claims) {
            for (RunPlan p : c.plans()) {
                plans.putIfAbsent(p.id(), p);
            }
        }
        return new ArrayList<>(plans.values());
    }

    /** Whether any chosen claim needs headless Chromium. */
    boolean needsBrowser() {
        return claims.stream().anyMatch(ClaimExperiment::needsBrowser);
    }

    /**
     * Checks, before anything runs, that what the plans need is here: namespaces (root, ip, tc) for the round-trip
     * runs, and the browser.
     *
     * @return the browser, or null when no claim needs it
     * @throws IllegalArgumentException naming what is missing
     */
    HeadlessChromium preflight() throws BrowserUnavailableException {
        for (RunPlan p : plans()) {
            if (p.network() != null) {
                try {
                    EmulatedNetworkTarget.wrap(new EmbeddedServerTarget(false, List.of()), p.network(), emulator);
                } catch (NetnsUnavailableException e) {
                    throw new IllegalArgumentException("the 100 ms RTT runs of claims 3, 5 and 6 cannot run here: "
                            + e.getMessage() + " (or give --loopback-only)");
                }
            }
        }
        return needsBrowser() ? HeadlessChromium.find() : null;
    }

    /** Runs the browser checks and every plan; returns what they measured. */
    Observations run(HeadlessChromium chromium, Path folder, List<String> commandLine) throws Exception {
        Observations o = new Observations();
        if (chromium != null) {
            progress.message("claim 8: cross-origin checks in headless Chromium");
            CrossOriginProbe.run(chromium, o);
        }
        List<RunPlan> plans = plans();
        for (int i = 0; i < plans.size(); i++) {
            RunPlan plan = plans.get(i);
            progress.plan(i + 1, plans.size(), plan);
            Path runFolder = folder.resolve("runs").resolve(plan.id());
            ServerTarget target;
            if (plan.broker() != null) {
                boolean forkInstances = fork || plan.fork();
                ClusterServerTarget cluster = new ClusterServerTarget(BrokerSetup.of(plan.instances(), plan.broker(),
                        "all", null, List.of(), forkInstances ? "fork" : "embedded"), forkInstances, plan.wsDeflate(),
                        List.of(), List.of(), runFolder);
                try {
                    cluster.checkReachable();
                } catch (IllegalArgumentException e) {
                    // a broker this machine does not have: the claim says so, the other claims run on
                    o.notRun(plan.id(), e.getMessage());
                    progress.message("claim 9: " + plan.id() + " not run: " + e.getMessage());
                    continue;
                }
                target = cluster;
            } else {
                target = fork || plan.fork()
                        ? new ForkedServerTarget(plan.wsDeflate(), List.of(), List.of(), runFolder)
                        : new EmbeddedServerTarget(plan.wsDeflate(), List.of());
            }
            if (plan.network() != null) {
                EmulatedNetworkTarget emulated = EmulatedNetworkTarget.wrap(target, plan.network(), emulator);
                networkUsed = emulated.network();
                target = emulated;
            }
            RunSettings settings = new RunSettings(plan.strategies(), plan.workload(), null,
                    plan.sweep() == null ? null : Sweep.parse(plan.sweep(), plan.workload()), 1, 100_000, 100_000, 2, 4,
                    plan.wsDeflate(), 4, ClientHeaders.parse(plan.headers()));
            LoadRun.Outcome outcome = new LoadRun(settings, target, null, folder, runFolder, commandLine, progress).execute();
            add(o, plan, outcome.report(), "runs/" + plan.id());
        }
        return o;
    }

    /** The network of the round-trip runs as it was emulated, or null when none ran. */
    NetworkCondition networkUsed() {
        return networkUsed;
    }

    static void add(Observations o, RunPlan plan, RunReport report, String runFolder) {
        for (StrategyResult r : report.results()) {
            o.add(new Observations.Observation(plan.id(), r.strategy().label(), r.sweepValue(), Figures.of(r),
                    r.validity().valid(), runFolder));
        }
    }
}
