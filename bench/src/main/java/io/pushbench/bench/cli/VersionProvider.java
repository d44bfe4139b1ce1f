package io.pushbench.bench.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, or the development version. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"pushbench " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
}
