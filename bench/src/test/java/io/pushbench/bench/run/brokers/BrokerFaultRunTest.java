package io.pushbench.bench.run.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.bench.run.LoadRun;
import io.pushbench.bench.run.RunProgress;
import io.pushbench.bench.workload.Arrivals;
import io.pushbench.bench.workload.TopicMode;
import io.pushbench.bench.workload.WorkloadParameters;
import io.pushbench.model.Strategy;
import io.pushbench.report.BrokerFigures;
import io.pushbench.report.StrategyResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each fault injected by the load generator itself (--fault), on a Redis or PostgreSQL of the test's own where the
 * broker is hurt: the expected loss is asserted exactly (none where the broker keeps its connections or replays; for
 * NOTIFY, exactly the seqs the instances counted as never delivered, once per client of that instance; beyond that only
 * the deliveries of publishes refused while a restarted broker was down, which never became messages), the fault is
 * explained by the broker's semantics, and no validity reason is left that the fault does not explain.
 */
class BrokerFaultRunTest {

    private static final WorkloadParameters W = new WorkloadParameters(200, TopicMode.SINGLE, 10, Arrivals.FIXED, 64,
            Duration.ofSeconds(1), Duration.ofSeconds(30), 0, Duration.ofSeconds(1), Duration.ofSeconds(4), 7);

    @Test
    void aKilledInstancesClientsGoOnAtTheOthersWithTheirSeqAndMissNothing(@TempDir Path dir) throws Exception {
        BrokerFigures b = run(dir, "redis://127.0.0.1:6379", "instance-kill@1s", true, false);
        assertThat(b.perInstance()).extracting(BrokerFigures.InstanceFigures::alive).containsExactly(true, false);
    }

    @Test
    void aPausedBrokerDelaysDeliveryAndLosesNothing(@TempDir Path dir) throws Exception {
        try (OwnRedis redis = new OwnRedis(false)) {
            BrokerFigures b = run(dir, "redis://127.0.0.1:" + redis.port, "broker-pause@1s:1500ms", false, false);
            assertThat(b.hopMaxMicros()).as("the pause shows as hop latency").isGreaterThanOrEqualTo(1_400_000);
        }
    }

    @Test
    void aRestartedStreamsBrokerLosesNothing(@TempDir Path dir) throws Exception {
        try (OwnRedis redis = new OwnRedis(true)) {
            BrokerFigures b = run(dir, "redis-streams://127.0.0.1:" + redis.port, "broker-restart@1s", false, false);
            assertThat(b.perInstance()).allSatisfy(i -> assertThat(i.disconnects()).isPositive());
        }
    }

    @Test
    void aPausedPostgresDelaysDeliveryAndLosesNothing(@TempDir Path dir) throws Exception {
        try (OwnPostgres postgres = new OwnPostgres()) {
            BrokerFigures b = run(dir, postgres.url(), "broker-pause@1s:1500ms", false, false);
            assertThat(b.hopMaxMicros()).as("the pause shows as hop latency").isGreaterThanOrEqualTo(1_400_000);
        }
    }

    @Test
    void aRestartedPostgresMissesExactlyWhatItsInstancesAnnounced(@TempDir Path dir) throws Exception {
        try (OwnPostgres postgres = new OwnPostgres()) {
            BrokerFigures b = run(dir, postgres.url(), "broker-restart@1s", false, true);
            assertThat(b.perInstance()).as("every LISTEN connection was cut and made again")
                    .allSatisfy(i -> assertThat(i.disconnects()).isPositive());
        }
    }

    /**
     * One WebSocket run with 2 instances and the fault; checks what every fault must give and returns the figures.
     *
     * @param atMostOnce whether the broker may miss what was published while an instance's subscription was down
     *                   (NOTIFY, pub/sub): then each seq an instance skipped is missed by each of its clients, exactly
     */
    private static BrokerFigures run(Path dir, String broker, String fault, boolean forked, boolean atMostOnce)
            throws Exception {
        BrokerSetup setup = BrokerSetup.of(2, broker, "one", null, List.of(fault), forked ? "fork" : "embedded");
        ClusterServerTarget target = new ClusterServerTarget(setup, forked, false, List.of(), List.of("-Xmx256m"),
                dir.resolve("logs"));
        LoadRun.Outcome outcome = new LoadRun(BrokerRunTest.settings(W, List.of(Strategy.WEBSOCKET)), target, null, dir,
                dir.resolve("run"), List.of("test"), RunProgress.NONE).execute();
        StrategyResult r = outcome.report().results().get(0);
        BrokerFigures b = r.broker();
        assertThat(b.faults()).hasSize(1);
        BrokerFigures.FaultFigures f = b.faults().get(0);
        assertThat(f.spec()).isEqualTo(fault);
        assertThat(f.explained()).as(f.explanation()).isTrue();
        if (atMostOnce) {
            // clients go round-robin over the 2 instances: W.clients() / 2 on each
            assertThat(f.missed()).as("missed = seqs the instances skipped x their clients")
                    .isEqualTo(f.brokerSkippedSeqs() * (W.clients() / 2));
        } else {
            assertThat(f.missed()).isZero();
            assertThat(f.brokerSkippedSeqs()).isZero();
        }
        assertThat(f.duplicated()).isZero();
        // a publish refused (503) while the broker was down got no seq, yet each client is expected to get it; a message
        // the broker published while a subscription was down (at most once) is announced as missed: exactly those
        // deliveries, and no other, are missing from the window
        assertThat(r.delivery().missing()).isEqualTo(r.publish().failed() * W.clients() + f.missed());
        assertThat(r.validity().reasons()).as("no reason a fault does not explain")
                .noneMatch(reason -> reason.contains("missing") || reason.contains("duplicate"));
        return b;
    }
}
