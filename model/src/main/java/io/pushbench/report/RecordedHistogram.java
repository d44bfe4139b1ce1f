package io.pushbench.report;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;

/**
 * A histogram of microsecond values, stored losslessly (HdrHistogram's compressed encoding, base64) with a
 * summary beside it for readers that only want the percentiles. {@code compare} re-merges the encoded
 * histograms of repeats; {@code plots} draws their percentile distributions.
 *
 * <p>Typical use:
 * <pre>{@code
 * RecordedHistogram stored = RecordedHistogram.of(recorder.getIntervalHistogram());
 * Histogram back = stored.decode();   // same counts at every value as the recorded one
 * }</pre>
 *
 * @param count           values recorded
 * @param minMicros       smallest value, µs (0 when empty)
 * @param meanMicros      mean, µs (0 when empty)
 * @param stddevMicros    standard deviation, µs (0 when empty)
 * @param p50Micros       median, µs
 * @param p90Micros       90th percentile, µs
 * @param p99Micros       99th percentile, µs
 * @param p999Micros      99.9th percentile, µs
 * @param p9999Micros     99.99th percentile, µs
 * @param maxMicros       largest value, µs (values are exact to 3 significant digits)
 * @param hdrCompressedBase64 the whole histogram: {@code Histogram.encodeIntoCompressedByteBuffer}, base64 (RFC 4648)
 */
public record RecordedHistogram(
        long count,
        long minMicros,
        double meanMicros,
        double stddevMicros,
        long p50Micros,
        long p90Micros,
        long p99Micros,
        long p999Micros,
        long p9999Micros,
        long maxMicros,
        String hdrCompressedBase64) {

    /** Summarises and encodes a histogram whose values are microseconds. */
    public static RecordedHistogram of(AbstractHistogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] encoded = new byte[length];
        buffer.flip();
        buffer.get(encoded);
        return new RecordedHistogram(
                histogram.getTotalCount(),
                histogram.getMinValue(),
                histogram.getMean(),
                histogram.getStdDeviation(),
                histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(90),
                histogram.getValueAtPercentile(99),
                histogram.getValueAtPercentile(99.9),
                histogram.getValueAtPercentile(99.99),
                histogram.getMaxValue(),
                Base64.getEncoder().encodeToString(encoded));
    }

    /**
     * Decodes the stored histogram (values in µs).
     *
     * @throws IllegalStateException when the stored encoding is not a valid compressed histogram
     */
    public Histogram decode() {
        byte[] encoded = Base64.getDecoder().decode(hdrCompressedBase64);
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalStateException("stored histogram is not a valid HdrHistogram compressed encoding", e);
        }
    }
}
