package io.pushbench.bench.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An audit of the latency histograms ({@code pushbench run --delivery-log FILE}): one line per delivery of a message
 * scheduled in the measured window, its latency from the scheduled time in µs, exactly the value recorded in the
 * histogram. Writes are serialised, so it slows the load generator: for small runs and for checking the
 * histograms (and their merge across shards) against every single delivery.
 */
final class DeliveryLog implements AutoCloseable {

    /** The file name's ending, after the result's hlog name without {@code .hlog}: {@code ws.deliveries.txt}. */
    static final String SUFFIX = ".deliveries.txt";

    private final BufferedWriter out;

    DeliveryLog(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
    }

    private DeliveryLog(BufferedWriter out) {
        this.out = out;
    }

    /** A log that writes nothing, for the warm-up's deliveries: the same work as the window's, thrown away. */
    static DeliveryLog discarding() {
        return new DeliveryLog(new BufferedWriter(Writer.nullWriter()));
    }

    /** Appends one delivery's latency, µs; called on the client event loops. */
    synchronized void record(long fromScheduledMicros) {
        try {
            out.write(Long.toString(fromScheduledMicros));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
