package io.pushbench.server.push;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOutboundBuffer;
import io.pushbench.server.log.LogRead;
import io.pushbench.server.log.Message;
import io.pushbench.server.log.TopicLog;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pushes one topic to one connection from a cursor, confined to the connection's event loop, without ever
 * queueing past the connection's write-buffer high water mark.
 *
 * <p>The log is the queue: the cursor only takes from the log what fits in the outbound buffer's budget
 * ({@code Channel#bytesBeforeUnwritable()}), so a reader that stops reading costs at most the high water
 * mark (or one message, if a single message is larger). When nothing more fits, the cursor is blocked and
 * resumes when its last write completes; when it stays blocked without progress for the slow-consumer
 * timeout, the sink closes the connection with a reason, and the client resumes from its last seq.
 *
 * <p>Woken through {@link TopicWakeups}: one task per event loop per append wakes every cursor of the topic
 * on that loop; each writes what it is behind on and flushes once, so a cursor that falls behind sends
 * several messages per write.
 *
 * <p>Typical use (in a handler, on the event loop):
 * {@code new PushCursor(wakeups, ch, topic, after, 1000, timeoutNanos, sink).start()}.
 */
public final class PushCursor {

    /** How soon a blocked cursor looks again when it has no write of its own to wait for. */
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final TopicWakeups wakeups;
    private final Channel channel;
    private final TopicLog topic;
    private final int batchLimit;
    private final long slowConsumerTimeoutNanos;
    private final PushSink sink;

    private Membership membership;
    private boolean blocked;
    private long cursor;
    private long blockedSinceNanos;            // 0 = not blocked
    private ChannelFuture lastWrite;
    private ChannelFuture listenedWrite;       // the write whose completion resumes a blocked cursor
    private ScheduledFuture<?> slowCheck;
    private boolean stopped;

    public PushCursor(TopicWakeups wakeups, Channel channel, TopicLog topic, long after, int batchLimit, long slowConsumerTimeoutNanos,
            PushSink sink) {
        this.wakeups = wakeups;
        this.channel = channel;
        this.topic = topic;
        this.cursor = after;
        this.batchLimit = batchLimit;
        this.slowConsumerTimeoutNanos = slowConsumerTimeoutNanos;
        this.sink = sink;
    }

    /** Subscribes to the topic and pushes what is there already. Call on the event loop. */
    public void start() {
        membership = wakeups.join(topic, channel.eventLoop(), this::onWake);
        drain();
    }

    /** Unsubscribes; nothing more is written. Call on the event loop (e.g. from channelInactive). */
    public void stop() {
        stopped = true;
        if (slowCheck != null) {
            slowCheck.cancel(false);
            slowCheck = null;
        }
        if (membership != null) {
            membership.leave();
        }
    }

    /** The highest seq handed to the sink. */
    public long cursor() {
        return cursor;
    }

    /** Whether the cursor waits for room in the outbound buffer. */
    public boolean isBlocked() {
        return blocked;
    }

    private void onWake() {
        if (!blocked) {      // a blocked cursor resumes when its write completes, not on every append
            drain();
        }
    }

    /**
     * Writes from the cursor while the outbound budget allows, then flushes once: every message this
     * connection is behind on goes out in as few writes as the budget allows.
     */
    public void drain() {
        if (stopped || !channel.isActive()) {
            return;
        }
        boolean wrote = false;
        while (true) {
            LogRead read = topic.read(cursor, batchLimit);
            if (read.lostCount() > 0) {
                cursor += read.lostCount();
                sink.writeLost(read.lostCount(), cursor);
                wrote = true;
            }
            List<Message> messages = read.messages();
            int fitting = messages.isEmpty() ? 0 : countFitting(messages);
            if (fitting > 0) {
                lastWrite = sink.writeMessages(messages.subList(0, fitting));
                cursor = messages.get(fitting - 1).seq();
                blockedSinceNanos = 0;      // progress
                wrote = true;
            }
            if (fitting < messages.size()) {
                flushIf(wrote);
                block();
                return;
            }
            if (!read.more()) {
                // caught up as of this read; a later append wakes this cursor again
                unblock();
                flushIf(wrote);
                return;
            }
        }
    }

    private void flushIf(boolean wrote) {
        if (wrote) {
            channel.flush();
        }
    }

    private int countFitting(List<Message> messages) {
        long budget = channel.bytesBeforeUnwritable() - sink.outboundBytesPerWrite();
        int count = 0;
        for (Message m : messages) {
            budget -= sink.outboundBytes(m);
            if (budget < 0 && !(count == 0 && pendingOutboundBytes() == 0)) {
                break;          // an oversized message still goes alone into an empty buffer
            }
            count++;
        }
        return count;
    }

    private long pendingOutboundBytes() {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    private void block() {
        blocked = true;
        if (blockedSinceNanos == 0) {
            blockedSinceNanos = System.nanoTime();
        }
        if (slowCheck == null) {
            slowCheck = channel.eventLoop().schedule(this::checkSlow, slowConsumerTimeoutNanos, TimeUnit.NANOSECONDS);
        }
        if (lastWrite != null && !lastWrite.isDone()) {
            if (listenedWrite != lastWrite) {
                listenedWrite = lastWrite;
                lastWrite.addListener(f -> resume());
            }
        } else {
            channel.eventLoop().schedule(this::resume, RETRY_NANOS, TimeUnit.NANOSECONDS);
        }
    }

    private void resume() {
        if (blocked) {
            drain();
        }
    }

    private void unblock() {
        blocked = false;
        blockedSinceNanos = 0;
    }

    private void checkSlow() {
        slowCheck = null;
        if (stopped || blockedSinceNanos == 0) {
            return;
        }
        long blockedNanos = System.nanoTime() - blockedSinceNanos;
        if (blockedNanos >= slowConsumerTimeoutNanos) {
            stop();
            sink.closeSlow("slow consumer: outbound buffer full for " + TimeUnit.NANOSECONDS.toMillis(blockedNanos)
                    + " ms; resume after seq " + cursor);
        } else {
            slowCheck = channel.eventLoop().schedule(this::checkSlow, slowConsumerTimeoutNanos - blockedNanos,
                    TimeUnit.NANOSECONDS);
        }
    }
}
