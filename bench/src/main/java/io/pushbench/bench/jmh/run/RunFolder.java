package io.pushbench.bench.jmh.run;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Names a new run folder {@code <results>/<UTC start>-<4 hex>}, e.g. {@code 20261125T154500Z-3f2a} (results/README.md). */
final class RunFolder {
    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunFolder() {
    }

    static Path newUnder(Path resultsDir) {
        byte[] suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        return resultsDir.resolve(RUN_ID_TIME.format(Instant.now()) + "-" + HexFormat.of().formatHex(suffix));
    }
}
