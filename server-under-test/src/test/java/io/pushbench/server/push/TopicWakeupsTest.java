package io.pushbench.server.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.DefaultEventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.pushbench.server.log.MessageLog;
import io.pushbench.server.log.Retention;
import io.pushbench.server.log.TopicLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Waiters on a topic are woken per event loop: one subscription and one task per loop, every member woken. */
class TopicWakeupsTest {

    private final DefaultEventLoopGroup loops = new DefaultEventLoopGroup(2);
    private final EventExecutor loopA = loops.next();
    private final EventExecutor loopB = loops.next();
    private final TopicWakeups wakeups = new TopicWakeups(Duration.ZERO);
    private final TopicLog topic = new MessageLog(new Retention(100, Duration.ZERO), 10).topic("t");

    @AfterEach
    void stopLoops() {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void theTopicHasOneSubscriberPerEventLoopHoweverManyWaitersEachHas() throws Exception {
        List<AtomicInteger> wakes = new ArrayList<>();
        for (EventExecutor loop : List.of(loopA, loopA, loopA, loopB, loopB)) {
            AtomicInteger count = new AtomicInteger();
            wakes.add(count);
            on(loop, () -> wakeups.join(topic, loop, count::incrementAndGet));
        }
        assertThat(topic.subscriberCount()).isEqualTo(2);
        assertThat(wakeups.groupCount()).isEqualTo(2);

        topic.append(new byte[1]);
        settle();

        assertThat(wakes).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }

    @Test
    void aWaiterThatLeavesDuringAWakeUpNeitherStopsTheOthersNorIsWokenAgain() throws Exception {
        AtomicInteger leaverWakes = new AtomicInteger();
        AtomicInteger stayerWakes = new AtomicInteger();
        Membership[] leaver = new Membership[1];
        on(loopA, () -> leaver[0] = wakeups.join(topic, loopA, () -> {
            leaverWakes.incrementAndGet();
            leaver[0].leave();          // as a long poll does when it answers
        }));
        on(loopA, () -> wakeups.join(topic, loopA, stayerWakes::incrementAndGet));

        topic.append(new byte[1]);
        settle();
        topic.append(new byte[1]);
        settle();

        assertThat(leaverWakes).hasValue(1);
        assertThat(stayerWakes).hasValue(2);
    }

    @Test
    void aWaiterThatThrowsDoesNotStarveTheOthersOnItsLoop() throws Exception {
        AtomicInteger wakes = new AtomicInteger();
        on(loopA, () -> wakeups.join(topic, loopA, () -> {
            throw new IllegalStateException("broken waiter (expected in this test)");
        }));
        on(loopA, () -> wakeups.join(topic, loopA, wakes::incrementAndGet));

        topic.append(new byte[1]);
        settle();

        assertThat(wakes).hasValue(1);
    }

    @Test
    void whenTheLastWaiterOfALoopLeavesTheLoopUnsubscribesFromTheTopic() throws Exception {
        Membership a = on(loopA, () -> wakeups.join(topic, loopA, () -> { }));
        Membership b = on(loopB, () -> wakeups.join(topic, loopB, () -> { }));
        on(loopA, () -> {
            a.leave();
            a.leave();                  // idempotent
            return null;
        });
        assertThat(topic.subscriberCount()).isEqualTo(1);
        on(loopB, () -> {
            b.leave();
            return null;
        });
        assertThat(topic.subscriberCount()).isZero();
        assertThat(wakeups.groupCount()).isZero();
    }

    @Test
    void manyWaitersJoiningAndLeavingKeepEveryActiveOneWoken() throws Exception {
        AtomicInteger wakes = new AtomicInteger();
        List<Membership> joined = on(loopA, () -> {
            List<Membership> all = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                all.add(wakeups.join(topic, loopA, wakes::incrementAndGet));
            }
            for (int i = 0; i < 1000; i += 2) {
                all.get(i).leave();
            }
            return all;
        });
        topic.append(new byte[1]);
        settle();
        assertThat(wakes).hasValue(500);
        assertThat(joined).hasSize(1000);
    }

    @Test
    void joiningOffTheWaitersEventLoopIsRefused() {
        assertThatThrownBy(() -> wakeups.join(topic, loopA, () -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("own event loop");
    }

    private static <T> T on(EventExecutor loop, Callable<T> task) throws Exception {
        return loop.submit(task).get(10, TimeUnit.SECONDS);
    }

    /** Waits until both loops ran every task queued before this call (the wake-ups of earlier appends). */
    private void settle() throws Exception {
        on(loopA, () -> null);
        on(loopB, () -> null);
    }
}
