package io.pushbench.bench.publish;

import io.pushbench.bench.workload.PublishTarget;
import io.pushbench.bench.workload.PublisherStats;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Publishing through PostgreSQL {@code NOTIFY}: a real PostgreSQL on 127.0.0.1:5432 (database test) and a real {@code LISTEN}. */
class PostgresPublisherTest {

    private static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    @Test
    void listenerReceivesExactlyThePublishedPayloadsInOrderPerChannel() throws Exception {
        String prefix = "pbtest_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        try (Connection listen = DriverManager.getConnection(JDBC); Statement st = listen.createStatement()) {
            for (int c = 0; c < 2; c++) {
                st.execute("LISTEN \"pb_" + prefix + "c" + c + "\"");
            }

            PublisherStats stats = BrokerPublishRun.run(PublishTarget.parse(
                    "postgresql://127.0.0.1:5432/test?user=postgres&channel=pb_{topic}", null, null, List.of(), null),
                    prefix, 2, 15, 100);

            assertThat(stats.failed()).as(String.valueOf(stats.firstFailure())).isZero();
            assertThat(stats.published()).isEqualTo(30);
            Map<String, List<String>> received = new HashMap<>();
            PGConnection pg = listen.unwrap(PGConnection.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            int count = 0;
            while (count < 30 && System.nanoTime() < deadline) {
                PGNotification[] batch = pg.getNotifications(100);
                for (PGNotification n : batch == null ? new PGNotification[0] : batch) {
                    received.computeIfAbsent(n.getName(), k -> new ArrayList<>()).add(n.getParameter());
                    count++;
                }
            }
            PGNotification[] late = pg.getNotifications(200);
            assertThat(late == null ? 0 : late.length).as("nothing more").isZero();
            assertThat(received).containsOnlyKeys("pb_" + prefix + "c0", "pb_" + prefix + "c1");
            for (int c = 0; c < 2; c++) {
                BrokerPublishRun.assertExactly(received.get("pb_" + prefix + "c" + c), prefix + "c" + c, 15);
            }
        }
    }
}
