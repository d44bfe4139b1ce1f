package io.pushbench.report;

import java.util.List;

/**
 * The JVM of the load generator.
 *
 * @param vendor      {@code java.vm.vendor}
 * @param version     {@code java.runtime.version}, e.g. {@code 17.0.15+6-Debian-1deb12u1}
 * @param vmName      {@code java.vm.name}
 * @param jvmArgs     the JVM's input arguments (flags), as the runtime MX bean reports them
 * @param maxHeapBytes the maximum heap, bytes
 */
public record JvmInfo(String vendor, String version, String vmName, List<String> jvmArgs, long maxHeapBytes) {

    public JvmInfo {
        jvmArgs = List.copyOf(jvmArgs);
    }
}
