package io.pushbench.server.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures (heap used after full GCs, not a model) what a topic costs: nothing published and one 64-byte
 * message, with the default retention of 10,000 messages. The count is {@code -Dtopics=N} (default 20,000;
 * docs/server.md has the 100,000 figures:
 * {@code mvn -B -o -q -pl server-under-test -am test -Dtest=TopicMemoryTest -Dtopics=100000 -Dsurefire.failIfNoSpecifiedTests=false}).
 */
class TopicMemoryTest {

    private static final int TOPICS = Integer.getInteger("topics", 20_000);
    private static final Retention DEFAULT_RETENTION = new Retention(10_000, Duration.ofMinutes(5));

    @Test
    void aTopicCostsAtMost200BytesEmptyAnd1KiBWithOne64ByteMessage() {
        long before = usedHeapBytes();
        MessageLog log = new MessageLog(DEFAULT_RETENTION, TOPICS);
        for (int i = 0; i < TOPICS; i++) {
            log.topic("topic-" + i);
        }
        long empty = usedHeapBytes();
        for (int i = 0; i < TOPICS; i++) {
            log.publish("topic-" + i, new byte[64]);
        }
        long withOne = usedHeapBytes();
        double emptyPerTopic = (double) (empty - before) / TOPICS;
        double onePerTopic = (double) (withOne - before) / TOPICS;
        System.out.printf("%,d topics (retention %d): %.0f bytes per topic with nothing published, %.0f bytes per"
                + " topic with one 64-byte message (the topic's name included)%n", TOPICS,
                DEFAULT_RETENTION.maxMessages(), emptyPerTopic, onePerTopic);
        assertThat(log.topicCount()).isEqualTo(TOPICS);
        assertThat(emptyPerTopic).isLessThanOrEqualTo(200);
        assertThat(onePerTopic).isLessThanOrEqualTo(1024);
    }

    @Test
    void theRingGrowsWithWhatIsPublishedAndTheRetentionBoundStillHolds() {
        MessageLog log = new MessageLog(new Retention(100, Duration.ZERO), 1);
        TopicLog topic = log.topic("t");
        assertThat(topic.capacity()).as("nothing published: no ring").isZero();
        topic.append(new byte[1]);
        assertThat(topic.capacity()).isEqualTo(2);
        for (int i = 2; i <= 1000; i++) {
            topic.append(new byte[] {(byte) i});
        }
        assertThat(topic.capacity()).as("never past the retention").isEqualTo(100);
        LogRead read = topic.read(0, 1000);
        assertThat(read.messages()).hasSize(100);
        assertThat(read.messages().get(0).seq()).isEqualTo(901);
        assertThat(read.messages().get(99).seq()).isEqualTo(1000);
        assertThat(topic.read(850, 1000).lostCount()).isEqualTo(50);
    }

    private static long usedHeapBytes() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            System.gc();
            samples.add(memory.getHeapMemoryUsage().getUsed());
        }
        return samples.stream().min(Long::compare).orElseThrow();
    }
}
