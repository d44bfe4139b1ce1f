package io.pushbench.bench.publish;

import io.pushbench.bench.metrics.MicrosRecorder;
import io.pushbench.bench.workload.Arrivals;
import io.pushbench.bench.workload.PayloadHeader;
import io.pushbench.bench.workload.PublishScheduler;
import io.pushbench.bench.workload.PublishTarget;
import io.pushbench.bench.workload.PublisherStats;
import io.pushbench.bench.workload.TopicMode;
import io.pushbench.bench.workload.WorkloadParameters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs a publish schedule against a target: {@code perTopic} messages to each of {@code topics} topics. */
final class BrokerPublishRun {

    static final int PAYLOAD_BYTES = 80;

    private BrokerPublishRun() {
    }

    static PublisherStats run(PublishTarget target, String prefix, int topics, int perTopic, double ratePerSec)
            throws Exception {
        long durationNanos = (long) (perTopic / ratePerSec * 1e9);
        WorkloadParameters w = new WorkloadParameters(topics, TopicMode.PER_CLIENT, ratePerSec, Arrivals.FIXED,
                PAYLOAD_BYTES, Duration.ofSeconds(1), Duration.ofSeconds(30), 0, Duration.ZERO,
                Duration.ofNanos(durationNanos), 7);
        long origin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long end = origin + durationNanos - (long) (0.5e9 / (ratePerSec * topics));
        PublishScheduler.Window window = new PublishScheduler.Window(origin, origin, end);
        try (PublishScheduler publisher = new PublishScheduler(target, prefix, w, new PayloadHeader(PAYLOAD_BYTES, 7),
                window, new MicrosRecorder(), 1)) {
            publisher.start();
            assertThat(publisher.awaitScheduleEnd(Duration.ofSeconds(30))).isTrue();
            assertThat(publisher.awaitIdle(Duration.ofSeconds(30))).isTrue();
            return publisher.stats();
        }
    }

    /** Checks that one channel received exactly the topic's payloads 1..n, in order. */
    static void assertExactly(List<String> received, String topic, int n) {
        assertThat(received).as(topic).hasSize(n);
        for (int i = 0; i < n; i++) {
            String p = received.get(i);
            assertThat(p.getBytes(StandardCharsets.US_ASCII)).hasSize(PAYLOAD_BYTES);
            assertThat(p).startsWith("pb1 " + topic + " " + (i + 1) + " ");
        }
    }
}
