package io.pushbench.bench.workload;

import io.pushbench.bench.metrics.MicrosRecorder;
import io.pushbench.bench.publish.PublishMessage;
import io.pushbench.bench.publish.PublishOutcome;
import io.pushbench.bench.publish.Publisher;
import io.pushbench.bench.publish.Publishers;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes the workload's messages on a fixed schedule ({@link PublishSchedule}) through a {@link Publisher} of
 * the target's kind (HTTP, Redis, PostgreSQL), and keeps the accounting, whatever the kind: each message's
 * scheduled time is decided in advance; when that time comes it is sent by the schedule thread
 * ({@code pushbench-publisher}) or, for messages at least {@link #MIN_GAP_TO_SPIN_NANOS} apart, by the connection's
 * own I/O thread (see {@link #SPIN_NANOS}), which stamps the actual send time in the payload; the lag (send −
 * scheduled) of every message scheduled in the measured window is recorded. Publishing stops at the end of the measured window.
 *
 * <p>Messages of one topic always use the same connection, in order, so the server numbers them in schedule order
 * and the publisher knows each message's seq in advance (checked against the server's {@code X-Pushbench-Seq}
 * when it sends one; after a publish of unknown fate on a topic, one fewer is accepted too). At most
 * {@link #MAX_OUTSTANDING} publishes wait at once; beyond that messages are not sent and counted as overflowed
 * (the run is then invalid). Any 2xx answer is a success; the answers are counted per status code.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (PublishScheduler publisher = new PublishScheduler(target, "", workload, header, window, lagRecorder, 4)) {
 *     publisher.start();
 *     publisher.awaitScheduleEnd(timeout);
 *     publisher.awaitIdle(timeout);
 *     PublisherStats stats = publisher.stats();
 * }
 * }</pre>
 */
public final class PublishScheduler implements AutoCloseable {

    /**
     * The last stretch before a message's time that is spun instead of parked: a park overshoots by the timer slack
     * and the wake-up (50-90 µs at p50 on this project's 2-core VM, publisher lag before this), which every latency
     * from the scheduled time would charge to the server under test. Where the sender has a {@link
     * Publisher#writerOf writer thread} (HTTP), the schedule thread hands the message over when the stretch begins
     * and that thread spins it out and writes: its own wake-up (~16 µs at p50 on one client at 1,000 msg/s) then
     * falls inside the stretch, not after the message's time.
     */
    static final long SPIN_NANOS = 150_000;
    /**
     * Only when messages are at least this far apart is the last stretch spun, so the spin costs at most
     * {@code SPIN_NANOS / MIN_GAP_TO_SPIN_NANOS} (15 %) of a core; closer messages are published in the bursts the
     * park's granularity makes, as before.
     */
    static final long MIN_GAP_TO_SPIN_NANOS = 1_000_000;

    /** Publishes allowed to wait for an answer at once, over all connections. */
    public static final int MAX_OUTSTANDING = 100_000;

    /** The threads the publisher runs on: the schedule thread and its I/O event loop. */
    public static final String THREAD_NAME = "pushbench-publisher";

    /** {@link #kind()} of a scheduler that keeps the schedule without publishing (a shard that does not publish). */
    public static final String SCHEDULE_ONLY = "none";

    /**
     * The run's time frame, as {@link System#nanoTime()} values.
     *
     * @param originNanos      the schedule's start: message 0 is scheduled here; payload times count from here
     * @param windowStartNanos the measured window's start (after warm-up)
     * @param windowEndNanos   the measured window's end: nothing is scheduled from here on
     */
    public record Window(long originNanos, long windowStartNanos, long windowEndNanos) {
        public boolean contains(long nanos) {
            return inWindow(nanos) == 1;
        }

        /**
         * 1 when {@code nanos} is in the window, else 0, computed without a branch. Hot paths index their counters
         * and recorders with it, so the warm-up runs the code the window runs: a branch that the warm-up never takes
         * is compiled as a trap, and the window's first messages paid for the deoptimisation and for running
         * interpreted until the code was compiled again (one WebSocket client at 1,000 msg/s: a p99 of 3-7 ms in the
         * window's first seconds, against ~0.4 ms later).
         */
        public int inWindow(long nanos) {
            // nanos - start >= 0 and end - 1 - nanos >= 0 (nanos - end < 0), as differences: nanoTime may wrap
            return (int) ((((nanos - windowStartNanos) | (windowEndNanos - 1 - nanos)) >>> 63) ^ 1);
        }
    }

    private final String topicPrefix;
    private final String kind;
    private final WorkloadParameters workload;
    private final PayloadHeader header;
    private final Window window;
    /** The publisher's lag by {@link Window#inWindow}: the warm-up's (never read), then the window's. */
    private final MicrosRecorder[] lagMicros;
    private final Publisher sender;
    private final long[] nextSeq;
    private final AtomicLongArray unknownByTopic;
    private final Map<Integer, LongAdder> statusCounts = new ConcurrentHashMap<>();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final AtomicLong fateUnknown = new AtomicLong();
    private final AtomicLong fateUnknownInWindow = new AtomicLong();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicLong scheduled = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    /** Messages published (or, without a sender, scheduled) by {@link Window#inWindow}: warm-up, window. */
    private final AtomicLongArray publishedByPhase = new AtomicLongArray(2);
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong seqMismatches = new AtomicLong();
    private final AtomicLong overflowed = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final AtomicReference<String> firstUnknown = new AtomicReference<>();
    private final java.util.Queue<PublishMessage> unknownMessages = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean stopped;

    /**
     * @param topicPrefix prefix of every topic name (empty for a fresh server)
     * @param connections keep-alive publish connections (HTTP; topics are spread over them), ≥ 1
     */
    public PublishScheduler(PublishTarget target, String topicPrefix, WorkloadParameters workload, PayloadHeader header,
                            Window window, MicrosRecorder lagMicros, int connections) {
        this(List.of(target), topicPrefix, workload, header, window, lagMicros, connections);
    }

    /**
     * A scheduler publishing every message to each of {@code targets} (several server processes without a shared
     * log), or, with none, keeping the schedule without sending anything: a shard that does not publish still needs
     * to know which messages fall in the window and their seqs ({@code stats().publishedInWindow()} then counts the
     * messages the schedule puts in the window; the publishing shard's report has what was sent).
     */
    public PublishScheduler(List<PublishTarget> targets, String topicPrefix, WorkloadParameters workload,
                            PayloadHeader header, Window window, MicrosRecorder lagMicros, int connections) {
        this.topicPrefix = topicPrefix;
        this.kind = targets.isEmpty() ? SCHEDULE_ONLY : targets.get(0).kind().scheme();
        this.workload = workload;
        this.header = header;
        this.window = window;
        this.lagMicros = new MicrosRecorder[] {new MicrosRecorder(), lagMicros};
        this.nextSeq = new long[workload.topicCount()];
        this.unknownByTopic = new AtomicLongArray(workload.topicCount());
        int perTarget = Math.max(1, Math.min(connections, workload.topicCount()));
        this.sender = targets.isEmpty() ? null : targets.size() == 1
                ? Publishers.create(targets.get(0), outcome(), perTarget, THREAD_NAME + "-io")
                : new io.pushbench.bench.publish.FanOutPublisher(targets, outcome(), perTarget, THREAD_NAME + "-io");
        this.thread = new Thread(this::runSchedule, THREAD_NAME);
        this.thread.setDaemon(true);
    }

    /**
     * Opens the connections and starts the schedule thread.
     *
     * @throws IOException naming the target when it cannot be reached
     */
    public void start() throws IOException {
        if (sender != null) {
            sender.start();
        }
        thread.start();
    }

    /** The local ports of the publish connections (to tell them apart from the clients' sockets). */
    public List<Integer> localPorts() {
        return sender == null ? List.of() : sender.localPorts();
    }

    private PublishOutcome outcome() {
        return new PublishOutcome() {
            @Override
            public void accepted(PublishMessage m, int status, long serverSeq) {
                outstanding.decrementAndGet();
                published.incrementAndGet();
                countStatus(status);
                long unknownBefore = unknownByTopic.get(m.topicIndex());
                // a publish of unknown fate before this one may not have been numbered by the server
                if (serverSeq != -1 && (serverSeq > m.expectedSeq() || serverSeq < m.expectedSeq() - unknownBefore)) {
                    seqMismatches.incrementAndGet();
                    firstFailure.compareAndSet(null, "server numbered a message of " + m.topic() + " " + serverSeq
                            + ", expected " + m.expectedSeq() + " (was the server fresh?)");
                }
            }

            @Override
            public void failed(PublishMessage m, int status, String reason) {
                outstanding.decrementAndGet();
                failed.incrementAndGet();
                countStatus(status);
                firstFailure.compareAndSet(null, reason);
            }

            @Override
            public void fateUnknown(PublishMessage m, int status, String reason) {
                outstanding.decrementAndGet();
                countStatus(status);
                fateUnknown.incrementAndGet();
                unknownByTopic.incrementAndGet(m.topicIndex());
                if (window.contains(m.scheduledNanos())) {
                    fateUnknownInWindow.incrementAndGet();
                }
                firstUnknown.compareAndSet(null, reason);
                unknownMessages.add(m);
            }

            @Override
            public void reconnected() {
                reconnects.incrementAndGet();
            }

            @Override
            public void resent(PublishMessage m) {
                resent.incrementAndGet();
            }
        };
    }

    private void countStatus(int status) {
        if (status != PublishOutcome.NO_STATUS) {
            statusCounts.computeIfAbsent(status, k -> new LongAdder()).increment();
        }
    }

    private void runSchedule() {
        PublishSchedule schedule = new PublishSchedule(workload.topicCount(), workload.publishRatePerSec(),
                workload.arrivals(), workload.seed());
        long previousDue = window.originNanos();
        while (!stopped) {
            long due = window.originNanos() + schedule.nextNanos();
            if (due - window.windowEndNanos() >= 0) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > SPIN_NANOS) {
                LockSupport.parkNanos(wait - SPIN_NANOS);
                continue;
            }
            int topicIndex = schedule.nextTopic();
            Executor writer = null;
            if (wait > 0) {
                if (due - previousDue < MIN_GAP_TO_SPIN_NANOS) {
                    LockSupport.parkNanos(wait);
                    continue;
                }
                writer = sender == null ? null : sender.writerOf(topicIndex);
                if (writer == null) {
                    Thread.onSpinWait();
                    continue;
                }
            }
            publish(topicIndex, due, writer);
            schedule.advance();
            previousDue = due;
        }
        stopped = true;
    }

    /**
     * Publishes one message, on the schedule thread: now (its time has come), or, given its topic's writer thread,
     * there, which spins until the message's time and sends it without a further hand-off.
     */
    private void publish(int topicIndex, long dueNanos, Executor writer) {
        scheduled.incrementAndGet();
        if (sender == null) {
            ++nextSeq[topicIndex];
            publishedByPhase.incrementAndGet(window.inWindow(dueNanos));
            return;
        }
        if (outstanding.get() >= MAX_OUTSTANDING) {
            overflowed.incrementAndGet();
            firstFailure.compareAndSet(null, "publisher fell " + MAX_OUTSTANDING + " messages behind the server's answers");
            return;
        }
        long seq = ++nextSeq[topicIndex];
        // counted before the hand-off, so that awaitIdle waits for a message still on its way to the writer
        outstanding.incrementAndGet();
        if (writer == null) {
            send(topicIndex, seq, dueNanos);
        } else {
            writer.execute(() -> {
                while (dueNanos - System.nanoTime() > 0) {
                    Thread.onSpinWait();
                }
                send(topicIndex, seq, dueNanos);
            });
        }
    }

    /** Stamps the send time, records the lag and hands the message to the sender; its time has come. */
    private void send(int topicIndex, long seq, long dueNanos) {
        String topic = topicPrefix + workload.topics().topicName(topicIndex);
        long sendNanos = System.nanoTime();
        byte[] payload = header.encode(topic, seq, dueNanos - window.originNanos(), sendNanos - window.originNanos());
        int phase = window.inWindow(dueNanos);
        lagMicros[phase].record((sendNanos - dueNanos) / 1000);
        // counted when sent, not when answered: a server slow to answer still owes the delivery
        publishedByPhase.incrementAndGet(phase);
        sender.publish(new PublishMessage(topicIndex, topic, seq, dueNanos, payload));
    }

    /** Waits until the schedule has reached the end of the measured window (or the publisher was closed). */
    public boolean awaitScheduleEnd(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
        return !thread.isAlive();
    }

    /** Waits until every sent publish has been answered. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outstanding.get() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /**
     * The last seq published to each topic (topic name with prefix → seq); complete once the schedule has ended.
     */
    public Map<String, Long> headSeqs() {
        Map<String, Long> heads = new java.util.HashMap<>();
        for (int i = 0; i < nextSeq.length; i++) {
            heads.put(topicPrefix + workload.topics().topicName(i), nextSeq[i]);
        }
        return heads;
    }

    /**
     * The seqs of the publishes of unknown fate, by topic name.
     *
     * @param windowOnly only those scheduled in the measured window
     */
    public Map<String, long[]> fateUnknownSeqs(boolean windowOnly) {
        Map<String, List<Long>> byTopic = new java.util.HashMap<>();
        for (PublishMessage m : unknownMessages) {
            if (!windowOnly || window.contains(m.scheduledNanos())) {
                byTopic.computeIfAbsent(m.topic(), t -> new java.util.ArrayList<>()).add(m.expectedSeq());
            }
        }
        Map<String, long[]> seqs = new java.util.HashMap<>();
        byTopic.forEach((t, l) -> seqs.put(t, l.stream().mapToLong(Long::longValue).toArray()));
        return seqs;
    }

    /** The kind of publisher: {@code http}, {@code redis}, {@code postgresql}, or {@link #SCHEDULE_ONLY}. */
    public String kind() {
        return kind;
    }

    /** The counts so far. */
    public PublisherStats stats() {
        Map<Integer, Long> statuses = new TreeMap<>();
        statusCounts.forEach((status, count) -> statuses.put(status, count.sum()));
        return new PublisherStats(scheduled.get(), published.get(), publishedByPhase.get(1), failed.get(),
                seqMismatches.get(), overflowed.get(), outstanding.get(), firstFailure.get(), statuses,
                reconnects.get(), resent.get(), fateUnknown.get(), fateUnknownInWindow.get(), firstUnknown.get());
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sender != null) {
            sender.close();
        }
    }
}
