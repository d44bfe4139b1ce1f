package io.pushbench.bench.client.delivery;

import org.junit.jupiter.api.Test;

import static io.pushbench.bench.client.delivery.DeliveryCheck.Verdict.DUPLICATE;
import static io.pushbench.bench.client.delivery.DeliveryCheck.Verdict.IN_ORDER;
import static io.pushbench.bench.client.delivery.DeliveryCheck.Verdict.OUT_OF_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

class DeliveryCheckTest {

    @Test
    void countsGapsDuplicatesAndLateArrivals() {
        DeliveryCheck c = new DeliveryCheck(0);
        assertThat(c.accept(1)).isEqualTo(IN_ORDER);
        assertThat(c.accept(2)).isEqualTo(IN_ORDER);
        assertThat(c.accept(2)).isEqualTo(DUPLICATE);
        assertThat(c.accept(6)).isEqualTo(IN_ORDER); // 3, 4, 5 missing
        assertThat(c.missing()).isEqualTo(3);
        assertThat(c.accept(4)).isEqualTo(OUT_OF_ORDER);
        assertThat(c.accept(4)).isEqualTo(DUPLICATE);
        assertThat(c.accept(3)).isEqualTo(OUT_OF_ORDER);
        assertThat(c.accept(1)).isEqualTo(DUPLICATE);
        assertThat(c.missing()).isEqualTo(1);
        assertThat(c.outOfOrder()).isEqualTo(2);
        assertThat(c.duplicates()).isEqualTo(3);
        assertThat(c.delivered()).isEqualTo(5);
        assertThat(c.lastSeq()).isEqualTo(6);
    }

    @Test
    void lostMessagesMoveTheCursorWithoutCountingAsMissing() {
        DeliveryCheck c = new DeliveryCheck(10);
        c.lost(5);
        assertThat(c.accept(16)).isEqualTo(IN_ORDER);
        assertThat(c.missing()).isZero();
        assertThat(c.lost()).isEqualTo(5);
        assertThat(c.lastSeq()).isEqualTo(16);
    }

    @Test
    void unknownSeqsAreDeliveredUnchecked() {
        DeliveryCheck c = new DeliveryCheck(0);
        assertThat(c.accept(-1)).isEqualTo(DeliveryCheck.Verdict.UNCHECKED);
        assertThat(c.delivered()).isEqualTo(1);
        assertThat(c.lastSeq()).isZero();
    }
}
