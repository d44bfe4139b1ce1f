package io.pushbench.plots.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Test support: copies a real run folder (see {@code run/README.md} in the test resources) to a temporary folder. */
final class RealRuns {

    static final String SMALL_ALL = "small-all";
    static final String SMALL_SWEEP = "small-sweep";

    private RealRuns() {
    }

    /** Copies the fixture run {@code name} into {@code into} and returns the copy's folder. */
    static Path copy(String name, Path into) throws IOException {
        Path source;
        try {
            source = Path.of(RealRuns.class.getResource("/io/pushbench/plots/run/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path target = Files.createDirectories(into.resolve(name));
        try (Stream<Path> files = Files.list(source)) {
            files.forEach(f -> {
                try {
                    Files.copy(f, target.resolve(f.getFileName().toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return target;
    }
}
