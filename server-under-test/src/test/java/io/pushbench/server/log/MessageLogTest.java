package io.pushbench.server.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MessageLogTest {

    private final AtomicLong clockNanos = new AtomicLong(1_000);

    private MessageLog log(int count, Duration age) {
        return new MessageLog(new Retention(count, age), 10, clockNanos::get);
    }

    @Test
    void eachTopicNumbersItsMessagesFromOne() {
        MessageLog log = log(10, Duration.ZERO);
        assertThat(log.publish("a", bytes("x"))).isEqualTo(1);
        assertThat(log.publish("a", bytes("y"))).isEqualTo(2);
        assertThat(log.publish("b", bytes("z"))).isEqualTo(1);
        assertThat(log.topic("a").headSeq()).isEqualTo(2);
    }

    @Test
    void readReturnsMessagesAfterTheCursorOldestFirstUpToTheLimit() {
        MessageLog log = log(10, Duration.ZERO);
        for (int i = 1; i <= 5; i++) {
            log.publish("t", bytes("m" + i));
        }
        LogRead read = log.topic("t").read(1, 3);
        assertThat(seqs(read.messages())).containsExactly(2L, 3L, 4L);
        assertThat(read.nextAfter()).isEqualTo(4);
        assertThat(read.lostCount()).isZero();
        assertThat(new String(read.messages().get(0).payload())).isEqualTo("m2");
    }

    @Test
    void aCursorAtOrBeyondTheHeadReadsNothingAndKeepsItsPlace() {
        MessageLog log = log(10, Duration.ZERO);
        log.publish("t", bytes("x"));
        assertThat(log.topic("t").read(1, 10).isEmpty()).isTrue();
        assertThat(log.topic("t").read(1, 10).nextAfter()).isEqualTo(1);
        assertThat(log.topic("t").read(7, 10).nextAfter()).isEqualTo(7);
    }

    @Test
    void retentionByCountDropsTheOldestAndSignalsTheLossToAResumingReader() {
        MessageLog log = log(3, Duration.ZERO);
        for (int i = 1; i <= 10; i++) {
            log.publish("t", bytes("m" + i));
        }
        LogRead read = log.topic("t").read(2, 100);
        assertThat(read.lostCount()).as("seqs 3..7 are gone").isEqualTo(5);
        assertThat(seqs(read.messages())).containsExactly(8L, 9L, 10L);
        LogRead fresh = log.topic("t").read(0, 100);
        assertThat(fresh.lostCount()).as("a new reader (after=0) lost nothing").isZero();
        assertThat(seqs(fresh.messages())).containsExactly(8L, 9L, 10L);
    }

    @Test
    void retentionByAgeDropsOldMessagesEvenWhenNothingIsPublished() {
        MessageLog log = log(100, Duration.ofSeconds(10));
        log.publish("t", bytes("old"));
        clockNanos.addAndGet(Duration.ofSeconds(6).toNanos());
        log.publish("t", bytes("newer"));
        clockNanos.addAndGet(Duration.ofSeconds(6).toNanos());    // "old" is 12 s old now, "newer" 6 s
        LogRead read = log.topic("t").read(0, 100);
        assertThat(seqs(read.messages())).containsExactly(2L);
        clockNanos.addAndGet(Duration.ofSeconds(6).toNanos());
        LogRead empty = log.topic("t").read(1, 100);
        assertThat(empty.messages()).isEmpty();
        assertThat(empty.lostCount()).isEqualTo(1);
        assertThat(empty.nextAfter()).isEqualTo(2);
        assertThat(log.topic("t").oldestRetainedSeq()).isEqualTo(3);
    }

    @Test
    void subscribersAreWokenOnEveryAppendUntilTheyUnsubscribe() {
        MessageLog log = log(10, Duration.ZERO);
        AtomicLong lastSeen = new AtomicLong();
        LogSubscriber subscriber = lastSeen::set;
        log.topic("t").subscribe(subscriber);
        log.publish("t", bytes("a"));
        log.publish("t", bytes("b"));
        assertThat(lastSeen).hasValue(2);
        log.topic("t").unsubscribe(subscriber);
        log.publish("t", bytes("c"));
        assertThat(lastSeen).hasValue(2);
        assertThat(log.topic("t").subscriberCount()).isZero();
    }

    @Test
    void invalidTopicNamesAndTheTopicCapAreRefused() {
        MessageLog log = new MessageLog(new Retention(1, Duration.ZERO), 2);
        assertThatThrownBy(() -> log.topic("a/b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a/b");
        assertThatThrownBy(() -> log.topic("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.topic("x".repeat(129))).isInstanceOf(IllegalArgumentException.class);
        log.topic("one");
        log.topic("two");
        assertThatThrownBy(() -> log.topic("three")).isInstanceOf(TooManyTopicsException.class).hasMessageContaining("2");
        assertThat(log.topic("one")).as("existing topics still served").isNotNull();
    }

    @Test
    void seqsABrokerSkippedAreLostToAReaderPastThemAndTheReadAfterTheGapGoesOn() {
        TopicLog topic = log(10, Duration.ZERO).topic("t");
        assertThat(topic.appendAt(1, bytes("m1"))).isZero();
        assertThat(topic.appendAt(2, bytes("m2"))).isZero();
        assertThat(topic.appendAt(5, bytes("m5"))).isEqualTo(2);
        assertThat(topic.appendAt(6, bytes("m6"))).isZero();

        LogRead first = topic.read(0, 100);
        assertThat(seqs(first.messages())).containsExactly(1L, 2L);
        assertThat(first.more()).isTrue();          // stopped at the gap, more after it
        LogRead second = topic.read(first.nextAfter(), 100);
        assertThat(second.lostCount()).isEqualTo(2);
        assertThat(seqs(second.messages())).containsExactly(5L, 6L);
        assertThat(second.more()).isFalse();
        // a new reader (cursor 0) is told of no loss, only given what is there
        assertThat(topic.read(2, 100).lostCount()).isEqualTo(2);
    }

    @Test
    void aDuplicateSeqIsDroppedAndTheFirstSeqAnInstanceSeesStartsItsLog() {
        TopicLog topic = log(10, Duration.ZERO).topic("t");
        assertThat(topic.appendAt(40, bytes("m40"))).isEqualTo(39);
        assertThat(topic.appendAt(40, bytes("again"))).isEqualTo(-1);
        assertThat(topic.appendAt(39, bytes("late"))).isEqualTo(-1);
        assertThat(topic.oldestRetainedSeq()).isEqualTo(40);
        LogRead fresh = topic.read(0, 100);
        assertThat(fresh.lostCount()).isZero();
        assertThat(seqs(fresh.messages())).containsExactly(40L);
        LogRead resumed = topic.read(30, 100);   // a client that had seq 30 on another instance
        assertThat(resumed.lostCount()).isEqualTo(9);
        assertThat(seqs(resumed.messages())).containsExactly(40L);
    }

    @Test
    void anEmptyLogAnchoredAtTheBrokersHeadKeepsWhatItsFirstMessageSkippedAsGapsThatEvenANewReaderIsToldOf() {
        TopicLog topic = log(10, Duration.ZERO).topic("t");
        topic.anchorAt(0);                             // the topic had no message when this instance came to know it
        assertThat(topic.appendAt(4, bytes("m4"))).isEqualTo(3);   // 1-3 published while its subscription was down
        LogRead waiting = topic.read(0, 100);
        assertThat(waiting.lostCount()).isEqualTo(3);
        assertThat(seqs(waiting.messages())).containsExactly(4L);
        assertThat(topic.read(4, 100).isEmpty()).isTrue();
    }

    @Test
    void aMessageAtOrBelowTheAnchorStillInFlightStartsTheLogWithoutALoss() {
        TopicLog topic = log(10, Duration.ZERO).topic("t");
        topic.anchorAt(6);                             // seq 6 was numbered before the broker answered, not yet delivered
        assertThat(topic.appendAt(6, bytes("m6"))).isEqualTo(5);
        LogRead fresh = topic.read(0, 100);
        assertThat(fresh.lostCount()).isZero();
        assertThat(seqs(fresh.messages())).containsExactly(6L);
    }

    @Test
    void anAnchorComesTooLateOnceTheLogHoldsAMessage() {
        TopicLog topic = log(10, Duration.ZERO).topic("t");
        topic.appendAt(3, bytes("m3"));
        topic.anchorAt(1);
        assertThat(topic.anchored()).isFalse();
        assertThat(topic.appendAt(4, bytes("m4"))).isZero();
        assertThat(topic.read(0, 100).lostCount()).isZero();
    }

    @Test
    void aGapWiderThanTheRetentionDropsWhatCameBefore() {
        TopicLog topic = log(4, Duration.ZERO).topic("t");
        topic.appendAt(1, bytes("m1"));
        topic.appendAt(2, bytes("m2"));
        topic.appendAt(7, bytes("m7"));            // 4 skipped: as many as the retention keeps
        assertThat(topic.oldestRetainedSeq()).isEqualTo(7);
        LogRead read = topic.read(2, 100);
        assertThat(read.lostCount()).isEqualTo(4);
        assertThat(seqs(read.messages())).containsExactly(7L);
    }

    @Test
    void gapsAgeOutLikeMessages() {
        MessageLog log = log(10, Duration.ofSeconds(1));
        TopicLog topic = log.topic("t");
        topic.appendAt(1, bytes("m1"));
        topic.appendAt(3, bytes("m3"));
        clockNanos.addAndGet(Duration.ofSeconds(2).toNanos());
        topic.appendAt(4, bytes("m4"));
        LogRead read = topic.read(1, 100);
        assertThat(read.lostCount()).isEqualTo(2);
        assertThat(seqs(read.messages())).containsExactly(4L);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<Long> seqs(List<Message> messages) {
        return messages.stream().map(Message::seq).collect(Collectors.toList());
    }
}
