package io.pushbench.bench.claims;

import io.pushbench.bench.network.NetworkCondition;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;

import java.util.List;

/**
 * One load run an experiment needs: which strategies, under which workload (swept over one parameter or not), with
 * which client headers, across which network, against which server. Experiments that need the same run share it
 * (equal plans run once).
 *
 * @param id         names the run folder and its observations, e.g. {@code base-browser}
 * @param strategies measured one after another
 * @param workload   the base workload
 * @param sweep      {@code rate=2,16} style sweep text, or null
 * @param headers    {@code minimal} or {@code browser}
 * @param network    the emulated network, or null for loopback
 * @param wsDeflate  WebSocket clients offer permessage-deflate (and the server accepts it)
 * @param fork       the server in its own JVM (needed above ~9,000 clients: the open-file limit is per process)
 * @param broker     the broker URL between {@code instances} server instances (publishes to all in turn), or null
 *                   for one instance on its own log
 * @param instances  server instances, the clients spread over them round-robin; 1 without a broker
 */
public record RunPlan(String id, List<Strategy> strategies, WorkloadParameters workload, String sweep, String headers,
                      NetworkCondition network, boolean wsDeflate, boolean fork, String broker, int instances) {

    public RunPlan {
        strategies = List.copyOf(strategies);
    }

    /** A plan against one server instance on its own log. */
    public RunPlan(String id, List<Strategy> strategies, WorkloadParameters workload, String sweep, String headers,
                   NetworkCondition network, boolean wsDeflate, boolean fork) {
        this(id, strategies, workload, sweep, headers, network, wsDeflate, fork, null, 1);
    }

    /** The sweep's values, or a single null for none. */
    public List<String> sweepValues() {
        if (sweep == null) {
            return java.util.Collections.singletonList(null);
        }
        return List.of(sweep.substring(sweep.indexOf('=') + 1).split(","));
    }

    /** E.g. {@code browser headers, 100ms RTT}; a browser check's set-up as it is named. */
    public String conditions() {
        if (strategies.isEmpty()) {
            return headers;
        }
        return headers + " headers, " + (network == null ? "loopback" : network.label() + " RTT")
                + (wsDeflate ? ", permessage-deflate" : "")
                + (broker == null ? "" : ", " + instances + " instances via " + broker.substring(0, broker.indexOf(':')));
    }
}
