package io.pushbench.bench.workload;

import java.util.SplittableRandom;

/**
 * The publisher's schedule: the time each message <em>should</em> be published, fixed in advance, whatever
 * the publisher or the server manage to do (coordinated-omission safe, as in wrk2).
 *
 * <p>Why it matters: suppose the server stalls for 10 s once in a 100 s run at 1 msg/s. A publisher that waits
 * for each publish to finish sends nothing during the stall, so the stall shows as one late message, and the
 * ten that should have been published meanwhile are never measured late: the latency distribution hides the
 * stall almost entirely. Measuring each delivery from its <em>scheduled</em> time counts the 10 s stall against
 * every message that should have gone out during it (10 s, 9 s, ... 1 s late), which is what a subscriber saw.
 *
 * <p>Messages are spread over topics: with fixed arrivals message {@code k} goes to topic {@code k mod topics} at
 * {@code k / (rate × topics)} seconds, so every topic sees exactly {@code rate} evenly spaced messages per second
 * and topics are phase-shifted; with Poisson arrivals the gaps of the merged stream are exponential and each
 * message picks a topic uniformly, so each topic is a Poisson process of mean {@code rate}.
 *
 * <p>Not thread-safe: owned by the publisher thread. Typical use:
 * <pre>{@code
 * PublishSchedule schedule = new PublishSchedule(workload.topicCount(), workload.publishRatePerSec(), workload.arrivals(), seed);
 * while (running) { long due = schedule.nextNanos(); ...; schedule.advance(); }
 * }</pre>
 */
public final class PublishSchedule {

    private final int topics;
    private final double totalRatePerSec;
    private final Arrivals arrivals;
    private final SplittableRandom random;
    private long index;
    private long nextNanos;
    private int nextTopic;

    /**
     * @param topics         topics published to, ≥ 1
     * @param ratePerSecPerTopic messages per second per topic, &gt; 0
     * @param arrivals       fixed or Poisson
     * @param seed           seed of the Poisson gaps and topic choice
     */
    public PublishSchedule(int topics, double ratePerSecPerTopic, Arrivals arrivals, long seed) {
        this.topics = topics;
        this.totalRatePerSec = ratePerSecPerTopic * topics;
        this.arrivals = arrivals;
        this.random = new SplittableRandom(seed);
        this.nextNanos = 0;
        this.nextTopic = arrivals == Arrivals.FIXED ? 0 : random.nextInt(topics);
    }

    /** The scheduled time of the next message, ns since the schedule's start. */
    public long nextNanos() {
        return nextNanos;
    }

    /** The topic index (0 .. topics-1) of the next message. */
    public int nextTopic() {
        return nextTopic;
    }

    /** Moves to the message after the next one. */
    public void advance() {
        index++;
        if (arrivals == Arrivals.FIXED) {
            // computed from the index, not accumulated, so rounding never drifts
            nextNanos = Math.round(index * 1e9 / totalRatePerSec);
            nextTopic = (int) (index % topics);
        } else {
            double gapSec = -Math.log(1.0 - random.nextDouble()) / totalRatePerSec;
            nextNanos += Math.max(1, Math.round(gapSec * 1e9));
            nextTopic = random.nextInt(topics);
        }
    }

    /**
     * Messages a fixed schedule puts in {@code [fromNanos, toNanos)}; for Poisson arrivals the expected number.
     */
    public double expectedMessages(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9 * totalRatePerSec;
    }
}
