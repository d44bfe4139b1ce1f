package io.pushbench.bench.run.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.bench.run.LoadRun;
import io.pushbench.bench.run.RunProgress;
import io.pushbench.bench.run.RunSettings;
import io.pushbench.bench.workload.Arrivals;
import io.pushbench.bench.workload.TopicMode;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.report.BrokerFigures;
import io.pushbench.report.StrategyResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The load generator against 3 forked instances behind each real broker (the machine's Redis and PostgreSQL), SSE
 * and WebSocket, 1,000 clients: every delivery arrives, none lost or doubled, the instances' own delivery counts add up
 * exactly to the clients', and every instance got every message from the broker.
 */
class BrokerRunTest {

    static final WorkloadParameters THOUSAND_CLIENTS = new WorkloadParameters(1_000, TopicMode.SINGLE, 4, Arrivals.FIXED,
            64, Duration.ofSeconds(1), Duration.ofSeconds(30), 0, Duration.ofSeconds(1), Duration.ofSeconds(2), 7);

    /** Generous bounds: these tests check counts, not the speed of a shared 2-core machine running 4 JVMs. */
    static RunSettings settings(WorkloadParameters w, List<Strategy> strategies) {
        return new RunSettings(strategies, w, null, null, 1, 5_000_000, 5_000_000, 2, 2, false, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://127.0.0.1:6379", "redis-streams://127.0.0.1:6379",
            "postgresql://127.0.0.1:5432/test?user=postgres"})
    void threeInstancesBehindABrokerDeliverEverythingAndTheirCountsAddUp(String broker, @TempDir Path dir) throws Exception {
        BrokerSetup setup = BrokerSetup.of(3, broker, "all", null, List.of(), "fork");
        ClusterServerTarget target = new ClusterServerTarget(setup, false, false, List.of(), List.of(),
                dir.resolve("logs"));
        target.checkReachable();
        LoadRun.Outcome outcome = new LoadRun(settings(THOUSAND_CLIENTS, List.of(Strategy.SSE, Strategy.WEBSOCKET)),
                target, null, dir, dir.resolve("run"), List.of("test"), RunProgress.NONE).execute();

        for (StrategyResult r : outcome.report().results()) {
            assertThat(r.delivery().missing()).as(r.strategy().label()).isZero();
            assertThat(r.delivery().duplicates()).isZero();
            assertThat(r.delivery().lostByRetention()).isZero();
            assertThat(r.delivery().delivered()).isEqualTo(r.delivery().expectedDeliveries());
            BrokerFigures b = r.broker();
            assertThat(b.kind()).isEqualTo(broker.substring(0, broker.indexOf(':')));
            assertThat(b.instances()).isEqualTo(3);
            assertThat(b.perInstance()).hasSize(3).allSatisfy(i -> {
                assertThat(i.messagesDelivered()).isPositive();
                assertThat(i.skippedSeqs()).isZero();
                assertThat(i.duplicates()).isZero();
                assertThat(i.received()).isEqualTo(b.perInstance().get(0).received());
            });
            assertThat(b.instancesDelivered()).isEqualTo(b.clientsDelivered());
            assertThat(b.hopCount()).isEqualTo(3 * b.perInstance().get(0).received());
            assertThat(b.hopP99Micros()).isPositive();
        }
    }
}
