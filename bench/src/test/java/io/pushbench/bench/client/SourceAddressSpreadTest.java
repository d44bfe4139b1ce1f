package io.pushbench.bench.client;

import io.pushbench.bench.client.external.ExternalStyleHttpServer;
import io.pushbench.model.Strategy;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SourceAddressSpreadTest {

    @Test
    void connectionsToALoopbackTargetComeFromEverySourceAddress() throws Exception {
        try (ExternalStyleHttpServer server = new ExternalStyleHttpServer();
             ClientEngine engine = new ClientEngine(new ClientEngineConfig(2, 3, true))) {
            ClientTarget target = ClientTarget.external(
                    Map.of(Strategy.SHORT_POLLING, "http://127.0.0.1:" + server.port() + "/poll/{topic}"),
                    PollBodyFormat.SINGLE, PayloadSeqReader.NONE);
            ClientGroup group = engine.start(Strategy.SHORT_POLLING, target, 6, id -> "t",
                    ClientSettings.DEFAULTS.withRampUpPerSec(0), DeliveryListener.IGNORE);
            Await.until(() -> group.connectedClients() == 6, 20, () -> group.connectedClients() + " connected");
            group.close();
            assertThat(server.clientAddresses).containsExactlyInAnyOrder("127.0.0.1", "127.0.0.2", "127.0.0.3");
        }
    }
}
