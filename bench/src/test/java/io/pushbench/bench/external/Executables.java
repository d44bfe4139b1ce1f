package io.pushbench.bench.external;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds an installed program on the PATH or at a known place (Debian puts nginx in /usr/sbin, often not on PATH). */
final class Executables {
    private Executables() {
    }

    static Optional<Path> find(String name, List<String> knownPlaces) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return knownPlaces.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
