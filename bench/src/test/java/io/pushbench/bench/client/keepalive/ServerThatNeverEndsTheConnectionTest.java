package io.pushbench.bench.client.keepalive;

import io.pushbench.bench.client.Await;
import io.pushbench.bench.client.ClientEngine;
import io.pushbench.bench.client.ClientEngineConfig;
import io.pushbench.bench.client.ClientGroup;
import io.pushbench.bench.client.ClientSettings;
import io.pushbench.bench.client.ClientTarget;
import io.pushbench.bench.client.PollBodyFormat;
import io.pushbench.bench.client.RecordingListener;
import io.pushbench.bench.workload.PayloadHeader;
import io.pushbench.model.Strategy;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that never ends a connection after the client's graceful close (it ignores the FIN and keeps the socket
 * open): the clients wait their close wait, then close anyway and count each such connection, because whatever that
 * server writes afterwards is never read and the exact byte check cannot hold for it. Takes the 10 s close wait.
 */
class ServerThatNeverEndsTheConnectionTest {

    private static final int CLIENTS = 3;

    @Test
    void connectionsTheServerNeverEndsAreClosedAfterTheCloseWaitAndCounted() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ClientEngine engine = new ClientEngine(new ClientEngineConfig(1, 1, true))) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = listener.accept();
                        accepted.add(s);
                        InputStream in = s.getInputStream();
                        byte[] head = new byte[4096];
                        int n = in.read(head);   // the request head (small: one read)
                        assertThat(n).isPositive();
                        OutputStream out = s.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        // and then nothing: no event, no close, the client's FIN ignored
                    }
                } catch (Exception e) {
                    // the listener closed: the test is over
                }
            }, "never-ending-server");
            acceptor.start();
            ClientTarget target = ClientTarget.external(Map.of(Strategy.SSE,
                    "http://127.0.0.1:" + listener.getLocalPort() + "/sse/{topic}"), PollBodyFormat.LINES, PayloadHeader::seq);
            ClientGroup group = engine.start(Strategy.SSE, target, CLIENTS, id -> "t",
                    ClientSettings.DEFAULTS.withRampUpPerSec(0), new RecordingListener(CLIENTS, (t, seq) -> ""));
            Await.until(() -> group.connectedClients() == CLIENTS, 20, () -> group.connectedClients() + " connected");
            assertThat(group.forcedCloses()).isZero();

            group.close();

            assertThat(group.closeWaitMillis()).isEqualTo(10_000);
            assertThat(group.forcedCloses()).isEqualTo(CLIENTS);
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
