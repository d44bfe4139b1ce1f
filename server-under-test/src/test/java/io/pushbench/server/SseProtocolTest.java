package io.pushbench.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushbench.server.client.RawConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SSE behaviour beyond delivery: the response head, Last-Event-ID resume, the retry hint, heartbeats. */
@ExtendWith(NoBufferLeaks.class)
class SseProtocolTest {

    @Test
    void lastEventIdHeaderWinsOverTheAfterParameter() throws Exception {
        try (PushServer server = new PushServer(PushServerConfig.builder().sseRetry(Duration.ofMillis(1500)).build())) {
            server.start();
            for (int i = 1; i <= 3; i++) {
                server.publish("s", ("m" + i).getBytes(UTF_8));
            }
            try (RawConnection c = RawConnection.open(server.address())) {
                c.send("GET /sse/s?after=0 HTTP/1.1\r\nHost: x\r\nLast-Event-ID: 2\r\n\r\n");
                String head = c.readHead().toLowerCase();
                assertThat(head).startsWith("http/1.1 200").contains("content-type: text/event-stream")
                        .contains("cache-control: no-cache").contains("transfer-encoding: chunked");
                String stream = new String(c.readUntil("data: m3\n\n\r\n"), UTF_8);
                assertThat(stream).contains("retry: 1500\n\n").contains("id: 3\n").doesNotContain("id: 2\n");
            }
        }
    }

    @Test
    void heartbeatCommentsFlowWhenConfigured() throws Exception {
        try (PushServer server = new PushServer(PushServerConfig.builder().sseHeartbeat(Duration.ofMillis(50)).build())) {
            server.start();
            try (RawConnection c = RawConnection.open(server.address())) {
                c.send("GET /sse/quiet HTTP/1.1\r\nHost: x\r\n\r\n");
                c.readHead();
                assertThat(new String(c.readUntil(": hb\n\n\r\n"), UTF_8)).contains(": hb\n\n");
            }
        }
    }
}
