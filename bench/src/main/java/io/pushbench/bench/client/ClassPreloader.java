package io.pushbench.bench.client;

import io.pushbench.model.Strategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads the client engine's own classes (and the model's) up front when they come from a class directory (tests,
 * {@code mvn exec}, an IDE). A directory class loader opens one file per class it loads, which fails once the
 * process has run out of file descriptors: exactly when the clients must still close connections and report the
 * limit. From a jar nothing is needed (the jar stays open), so nothing is done.
 */
final class ClassPreloader {
    private ClassPreloader() {
    }

    static void preload() {
        for (Class<?> anchor : List.of(ClassPreloader.class, Strategy.class)) {
            Path root = classDirectory(anchor);
            if (root == null) {
                continue;
            }
            String packagePath = anchor.getPackageName().replace('.', '/');
            Path dir = root.resolve(packagePath);
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(f -> load(root, f, anchor.getClassLoader()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list classes in " + dir, e);
            }
        }
    }

    private static Path classDirectory(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path p = Path.of(source.getLocation().toURI());
            return Files.isDirectory(p) ? p : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static void load(Path root, Path classFile, ClassLoader loader) {
        String relative = root.relativize(classFile).toString();
        String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
        try {
            Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // a test class or one that cannot load anyway; nothing to warm up
        }
    }
}
