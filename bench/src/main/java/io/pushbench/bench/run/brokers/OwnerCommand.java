package io.pushbench.bench.run.brokers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as the owner of a directory (through {@code runuser} when that is not this process's user): how
 * PostgreSQL's tools must be run on its data directory, since the server refuses to run as root.
 */
final class OwnerCommand {

    private OwnerCommand() {
    }

    /**
     * Runs {@code command} as {@code ownedDir}'s owner, its output (both streams) to {@code output}, and waits.
     *
     * @throws IOException when it does not end in {@code timeoutSeconds} or exits non-zero (its output named)
     */
    static void run(Path ownedDir, List<String> command, int timeoutSeconds, Path output) throws IOException {
        List<String> asOwner = new ArrayList<>();
        String owner = Files.getOwner(ownedDir).getName();
        if (!owner.equals(System.getProperty("user.name"))) {
            asOwner.addAll(List.of("runuser", "-u", owner, "--"));
        }
        asOwner.addAll(command);
        Process p = new ProcessBuilder(asOwner).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not end in " + timeoutSeconds + " s (its output: "
                        + output + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + String.join(" ", command), e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): "
                    + Files.readString(output).strip());
        }
    }
}
