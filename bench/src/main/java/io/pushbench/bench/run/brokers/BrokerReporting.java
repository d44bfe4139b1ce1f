package io.pushbench.bench.run.brokers;

import io.pushbench.bench.client.ClientGroup;
import io.pushbench.report.StrategyResult;

/** A server probe that adds the broker's figures (and what its faults explain) to a strategy's result. */
public interface BrokerReporting {

    /**
     * The result with its broker figures; its validity drops the reasons every injected fault explains.
     *
     * @param group the strategy's clients, closed
     */
    StrategyResult complete(StrategyResult result, ClientGroup group);
}
