package io.pushbench.bench.jmh.run;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Names runs {@code <UTC start>-<4 hex>}, e.g. {@code 20261125T154500Z-3f2a}, the run folder names of results/README.md. */
final class RunFolder {
    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunFolder() {
    }

    /** A new run id for a run starting at {@code start}. */
    static String newRunId(Instant start) {
        byte[] suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        return RUN_ID_TIME.format(start) + "-" + HexFormat.of().formatHex(suffix);
    }
}
