package io.pushbench.bench.network;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkConditionTest {

    @ParameterizedTest
    @CsvSource({"lan, 1, 0", "wan, 50, 0", "mobile, 150, 1", "100ms, 100, 0", "'80ms,0.5%', 80, 0.5", "'2s,3', 2000, 3"})
    void namedAndExplicitConditionsGiveTheirRoundTripAndLoss(String text, long rttMillis, double loss) {
        NetworkCondition c = NetworkCondition.parse(text);

        assertThat(c.roundTrip()).isEqualTo(Duration.ofMillis(rttMillis));
        assertThat(c.oneWayDelay()).isEqualTo(Duration.ofMillis(rttMillis).dividedBy(2));
        assertThat(c.lossPercent()).isEqualTo(loss);
    }

    @ParameterizedTest
    @ValueSource(strings = {"space", "", "100", "100ms,", "100ms,x%", "100ms,1%,2", "0ms", "11s", "100ms,60%"})
    void anythingElseIsRefusedWithTheAcceptedForms(String text) {
        assertThatThrownBy(() -> NetworkCondition.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--network");
    }
}
