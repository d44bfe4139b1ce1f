package io.pushbench.bench.shard;

import io.pushbench.bench.run.servers.MemoryReading;
import io.pushbench.bench.workload.PublishTarget;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One shard's part in a sharded run ({@code pushbench run --shard K/N}): its clients, whether it publishes, and the
 * agreed start. The run connects the shard's clients, then {@link #awaitOrigin} says "ready" (a file, for a local
 * coordinator) and waits for the agreed instant, from which the publish schedule counts in every shard alike.
 *
 * <p>Typical use (inside the run):
 * <pre>{@code
 * MemoryReading before = plan.readsLoaderMemory() ? MemoryReading.ofThisJvmAfterGc() : null;
 * ClientGroup group = engine.start(strategy, target, plan.spec().clientsOf(total), ...);
 * long originNanos = plan.awaitOrigin(group.connectedClients(), before);
 * }</pre>
 */
public final class ShardPlan {

    /** How long a shard waits for a coordinator's start instant after its clients connected. */
    public static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final ShardSpec spec;
    private final StartInstant start;
    private final boolean publishes;
    private final List<PublishTarget> alsoPublishTo;
    private final Path readyFile;
    private volatile Instant agreedStart;

    /**
     * @param alsoPublishTo further publish targets of the publishing shard (other server processes), may be empty
     * @param readyFile     where to say "connected" for a local coordinator (with this JVM's memory), or null
     */
    public ShardPlan(ShardSpec spec, StartInstant start, boolean publishes, List<PublishTarget> alsoPublishTo,
                     Path readyFile) {
        this.spec = spec;
        this.start = start;
        this.publishes = publishes;
        this.alsoPublishTo = List.copyOf(alsoPublishTo);
        this.readyFile = readyFile;
    }

    public ShardSpec spec() {
        return spec;
    }

    /** Whether this shard publishes the messages (exactly one shard of a run does). */
    public boolean publishes() {
        return publishes;
    }

    /** Publish targets besides the run's {@code --publish-url}: the other server processes. */
    public List<PublishTarget> alsoPublishTo() {
        return alsoPublishTo;
    }

    /** Whether the run reads this JVM's memory before and after connecting (a local coordinator wants it). */
    public boolean readsLoaderMemory() {
        return readyFile != null;
    }

    /** The agreed start once {@link #awaitOrigin} returned, else null. */
    public Instant agreedStart() {
        return agreedStart;
    }

    /**
     * Says "ready" (when a ready file is set: the shard's clients and this JVM's memory before and with them), waits
     * for the agreed instant and returns it as a {@link System#nanoTime()} value.
     *
     * @param loaderBefore this JVM's memory before the clients started, or null
     * @throws IOException when no instant came, or it had passed already
     */
    public long awaitOrigin(int connectedClients, MemoryReading loaderBefore) throws IOException {
        if (readyFile != null) {
            MemoryReading with = MemoryReading.ofThisJvmAfterGc();
            String json = String.format(Locale.ROOT, "{\"shard\": %d, \"clients\": %d, \"loaderHeapBaselineBytes\": %d, "
                            + "\"loaderDirectBaselineBytes\": %d, \"loaderHeapWithBytes\": %d, \"loaderDirectWithBytes\": %d}%n",
                    spec.index(), connectedClients, loaderBefore == null ? 0 : loaderBefore.heapUsedBytes(),
                    loaderBefore == null ? 0 : loaderBefore.directUsedBytes(), with.heapUsedBytes(), with.directUsedBytes());
            Path tmp = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
            Files.createDirectories(readyFile.toAbsolutePath().getParent());
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, readyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        Instant at = start.await(START_TIMEOUT.toNanos());
        long origin = StartInstant.toNanoTime(at);
        agreedStart = at;
        return origin;
    }
}
