package io.pushbench.bench.publish;

/**
 * One message to publish.
 *
 * @param topicIndex     the topic's index in the workload (0-based)
 * @param topic          the topic name as the server knows it (with the run's prefix)
 * @param expectedSeq    the seq the server should give it (1 for a topic's first message)
 * @param scheduledNanos its scheduled publish time, a {@link System#nanoTime()} value
 * @param payload        the payload bytes (printable ASCII: the pushbench header and padding)
 */
public record PublishMessage(int topicIndex, String topic, long expectedSeq, long scheduledNanos, byte[] payload) {
}
