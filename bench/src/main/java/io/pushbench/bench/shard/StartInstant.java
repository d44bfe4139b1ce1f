package io.pushbench.bench.shard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;

/**
 * The agreed instant every shard starts its schedule from: given on the command line ({@code --start-at
 * 2026-12-03T10:00:00Z}) or, for shards started by one coordinator on this host ({@code --loaders}), read from a
 * file the coordinator writes once every shard is connected ({@code --start-at @FILE}).
 *
 * <p>Each process turns the wall-clock instant into its own {@link System#nanoTime()}; the payload's scheduled times
 * count from there, so shards on one host share the instant to within the conversion (microseconds), and shards on
 * different hosts to within their wall clocks' offset (docs/metrics.md, "Shards and clocks").
 */
public final class StartInstant {

    private final Instant fixed;
    private final Path file;

    private StartInstant(Instant fixed, Path file) {
        this.fixed = fixed;
        this.file = file;
    }

    /**
     * Parses {@code --start-at}: an ISO-8601 UTC instant that must lie in the future, or {@code @FILE}.
     *
     * @param now the current time, to refuse an instant already past
     */
    public static StartInstant parse(String text, Instant now) {
        if (text.startsWith("@")) {
            if (text.length() == 1) {
                throw new IllegalArgumentException("--start-at @FILE: the file name is missing");
            }
            return new StartInstant(null, Path.of(text.substring(1)));
        }
        Instant at;
        try {
            at = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid --start-at '" + text + "': expected a UTC instant such as "
                    + "2026-12-03T10:00:00Z, or @FILE");
        }
        if (!at.isAfter(now)) {
            throw new IllegalArgumentException("--start-at " + at + " is in the past (now " + now + "): give an instant "
                    + "far enough ahead for every shard to connect its clients");
        }
        return new StartInstant(at, null);
    }

    /** A fixed instant (a coordinator's own choice). */
    public static StartInstant at(Instant instant) {
        return new StartInstant(instant, null);
    }

    /** The file a coordinator writes the instant to, or null for a fixed instant. */
    public Path file() {
        return file;
    }

    /**
     * Waits for the instant to be known (the file written) and returns it.
     *
     * @throws IOException when the file holds no instant, or nothing was written before {@code timeoutNanos}
     */
    public Instant await(long timeoutNanos) throws IOException {
        if (fixed != null) {
            return fixed;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (!Files.exists(file)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("no start instant in " + file + " after "
                        + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s (did the coordinator stop?)");
            }
            sleepMillis(20);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IOException(file + " holds '" + text + "', not a UTC instant");
        }
    }

    /**
     * The instant on this process's {@link System#nanoTime()} clock.
     *
     * @throws IOException when the instant has already passed: the schedule would start in the past
     */
    public static long toNanoTime(Instant at) throws IOException {
        Instant now = Instant.now();
        long nanoNow = System.nanoTime();
        long aheadNanos = TimeUnit.SECONDS.toNanos(at.getEpochSecond() - now.getEpochSecond())
                + (at.getNano() - now.getNano());
        if (aheadNanos <= 0) {
            throw new IOException("the agreed start " + at + " passed before this shard's clients were connected ("
                    + "now " + now + "): start the shards earlier or agree on a later instant");
        }
        return nanoNow + aheadNanos;
    }

    private static void sleepMillis(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the start instant", e);
        }
    }

    @Override
    public String toString() {
        return fixed != null ? fixed.toString() : "@" + file;
    }
}
