package io.pushbench.bench.run.brokers;

import io.pushbench.server.broker.BrokerKind;
import io.pushbench.server.broker.BrokerUrl;
import java.util.List;
import java.util.Locale;

/**
 * Several server instances behind one broker ({@code --server fork|embedded --instances N --broker URL}).
 *
 * @param instances   server instances, at least 1
 * @param broker      the broker (its namespace is chosen per strategy run)
 * @param publishToAll whether publishes go to every instance in turn ({@code --publish-to all}) or to the first
 * @param brokerPid   the broker's pid for its CPU and for faults, or -1 = found by the broker URL's port (local only)
 * @param faults      faults to inject in each strategy run's measured window
 */
public record BrokerSetup(int instances, BrokerUrl broker, boolean publishToAll, long brokerPid, List<FaultSpec> faults) {

    public BrokerSetup {
        faults = List.copyOf(faults);
    }

    /**
     * Validates the options as given.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static BrokerSetup of(int instances, String broker, String publishTo, Long brokerPid, List<String> faults,
                                 String server) {
        BrokerUrl url = BrokerUrl.parse(broker);
        if (instances < 1) {
            throw new IllegalArgumentException("--instances must be at least 1, got " + instances);
        }
        boolean fork = server.equalsIgnoreCase("fork");
        if (instances > 1 && url.kind() == BrokerKind.MEMORY) {
            throw new IllegalArgumentException("--instances " + instances + " needs a --broker (redis://, redis-streams:// "
                    + "or postgresql://): with memory each instance would have its own messages");
        }
        String to = publishTo.toLowerCase(Locale.ROOT);
        if (!to.equals("one") && !to.equals("all")) {
            throw new IllegalArgumentException("invalid --publish-to '" + publishTo + "': expected one or all");
        }
        List<FaultSpec> parsed = faults.stream().map(FaultSpec::parse).toList();
        for (FaultSpec f : parsed) {
            if (url.kind() == BrokerKind.MEMORY) {
                throw new IllegalArgumentException("--fault " + f.text() + " needs a --broker");
            }
            if (f.kind() == FaultSpec.Kind.INSTANCE_KILL && !fork) {
                throw new IllegalArgumentException("--fault " + f.text() + " needs --server fork (an instance is killed "
                        + "with SIGKILL; embedded instances share the load generator's JVM)");
            }
            if (f.kind() == FaultSpec.Kind.INSTANCE_KILL && instances < 2) {
                throw new IllegalArgumentException("--fault " + f.text() + " needs --instances 2 or more "
                        + "(the killed instance's clients go on at the others)");
            }
        }
        return new BrokerSetup(instances, url, to.equals("all"), brokerPid == null ? -1 : brokerPid, parsed);
    }

    /** Whether there is more than the default single in-process-log server. */
    public boolean active() {
        return broker.kind() != BrokerKind.MEMORY;
    }

    /** The broker URL for a strategy run, with its own namespace so runs never meet each other's messages. */
    public String urlFor(String namespace) {
        String text = broker.text();
        return text + (text.contains("?") ? "&" : "?") + "namespace=" + namespace;
    }
}
