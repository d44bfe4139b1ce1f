package io.pushbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.server.client.RawConnection;
import io.pushbench.server.client.RawConnection.RawResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Predicate;

/** Checks every robustness test ends with: the server still serves a normal client, and no connection leaked. */
final class ServerChecks {

    private ServerChecks() {
    }

    /** A well-behaved client publishes and polls back what it published. */
    static void servesNormalClient(PushServer server) throws IOException {
        InetSocketAddress a = server.address();
        String payload = "still-serving";
        long seq;
        try (RawConnection c = RawConnection.open(a)) {
            c.send("POST /publish/normal HTTP/1.1\r\nHost: x\r\nContent-Length: " + payload.length() + "\r\n\r\n" + payload);
            RawResponse published = c.readResponse();
            assertThat(published.status()).isEqualTo(200);
            seq = Long.parseLong(published.header("X-Pushbench-Seq"));
            c.send("GET /poll/normal?after=" + (seq - 1) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            RawResponse polled = c.readResponse();
            assertThat(polled.status()).isEqualTo(200);
            assertThat(polled.bodyText()).isEqualTo(seq + " " + payload.length() + "\n" + payload + "\n");
        }
    }

    /** Waits (20 s at most) until the server's metrics satisfy {@code condition}. */
    static ServerMetrics awaitMetrics(PushServer server, Predicate<ServerMetrics> condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ServerMetrics m = server.metrics();
        while (!condition.test(m)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; metrics " + m);
            }
            Thread.sleep(5);
            m = server.metrics();
        }
        return m;
    }

    /** Waits until the server holds no connection at all (every bucket's open count back to 0). */
    static void noOpenConnections(PushServer server) throws InterruptedException {
        awaitMetrics(server, m -> m.openConnections() == 0, "no open connections");
    }
}
