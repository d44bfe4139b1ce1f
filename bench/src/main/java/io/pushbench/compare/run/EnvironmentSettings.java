package io.pushbench.compare.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment facts two runs are checked against, from the {@code environment} object that load
 * reports and JMH run metadata share ({@code io.pushbench.report.Environment}): host (CPU model, cores,
 * memory, OS, kernel, architecture), JVM (vendor, version, VM, flags, heap), Netty transport and clock
 * method. Git facts are left out: the commit is what is being compared.
 */
public final class EnvironmentSettings {

    private EnvironmentSettings() {
    }

    /** The facts as {@code environment.host.cpuModel → ...}; empty for a missing node. */
    public static Map<String, String> of(JsonNode environment) {
        Map<String, String> out = new TreeMap<>();
        if (environment == null || !environment.isObject()) {
            return out;
        }
        out.putAll(FlatSettings.flatten(environment.get("host"), "environment.host"));
        out.putAll(FlatSettings.flatten(environment.get("jvm"), "environment.jvm"));
        JsonNode transport = environment.get("nettyTransport");
        if (transport != null) {
            out.put("environment.nettyTransport", transport.asText());
        }
        JsonNode clockMethod = environment.path("clock").get("method");
        if (clockMethod != null) {
            out.put("environment.clock.method", clockMethod.asText());
        }
        return out;
    }
}
